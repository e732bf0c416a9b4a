using System.Text.Json;
using Accreditation.Standalone;

namespace Accreditation.Bench.Target;

/// <summary>The system a scenario drives: a standalone host this run started, or given addresses (distributed topology).</summary>
public sealed class SystemUnderTest : IAsyncDisposable
{
    SystemUnderTest(Uri gatewayGrpc, Uri gatewayHttp, Uri? registration, StandaloneCredentials credentials, HostProcess? host)
    {
        GatewayGrpc = gatewayGrpc;
        GatewayHttp = gatewayHttp;
        Registration = registration;
        Credentials = credentials;
        Host = host;
    }

    public Uri GatewayGrpc { get; }
    public Uri GatewayHttp { get; }
    public Uri? Registration { get; }
    public StandaloneCredentials Credentials { get; }

    /// <summary>The host process when this run started it (its memory can then be read).</summary>
    public HostProcess? Host { get; }

    public string Description => Host is null
        ? $"given system at {GatewayGrpc} (resident memory not measured)"
        : $"standalone host started by the bench (pid {Host.ProcessId}, ports {Host.BasePort}+, healthy after {Host.TimeToHealthy.TotalSeconds:0.00} s)";

    public static async Task<SystemUnderTest> ConnectAsync(BenchArguments args, TextWriter log, CancellationToken ct)
    {
        if (args.Gateway is { } gateway)
        {
            var credentials = JsonSerializer.Deserialize<StandaloneCredentials>(await File.ReadAllTextAsync(args.Credentials!, ct))!;
            return new SystemUnderTest(gateway, args.GatewayHttp!, args.Registration, credentials, null);
        }
        log.WriteLine("Starting the standalone host (Release build, fresh data folder, free ports)...");
        var host = await HostProcess.StartAsync(args.Settings, log, ct);
        var file = Path.Combine(host.DataDirectory, StandaloneCredentials.FileName);
        var created = JsonSerializer.Deserialize<StandaloneCredentials>(await File.ReadAllTextAsync(file, ct))!;
        return new SystemUnderTest(host.GatewayGrpc, host.GatewayHttp, host.Registration, created, host);
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
            await Host.DisposeAsync();
    }
}
