using System.Diagnostics;
using System.Text.Json;
using Grpc.Net.Client;

namespace Accreditation.DistributedTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class DistributedCollection : ICollectionFixture<DistributedSystem>
{
    public const string Name = "distributed system";
}

/// <summary>
/// The distributed topology as an operator starts it: scripts/run-distributed.sh brings up its own
/// RabbitMQ node (free loopback port, data under a temporary run folder) and every service and the
/// gateway as separate processes from their built binaries. Tests talk through the gateway, kill and
/// restart processes, stop the broker, and read the services' SQLite files for the accounting.
/// </summary>
public sealed class DistributedSystem : IAsyncLifetime, ISystemUnderTest
{
    public static readonly string[] Services = ["identity", "registration", "objections", "notifications", "gateway"];

    public string RunDirectory { get; } = Path.Combine(Path.GetTempPath(), "accreditation-distributed", Guid.NewGuid().ToString("N")[..12]);
    /// <summary>A base port: +0, +1 and +21..+24 the script's, +2 and +3 the broker's.</summary>
    public int Port { get; } = LoopbackPorts.FreeBlock([0, 1, 2, 3, 21, 22, 23, 24]);
    public int AmqpPort => Port + 2;
    int DistPort => Port + 3;
    public Uri GatewayHttp => new($"http://127.0.0.1:{Port}/");
    public HttpClient Http { get; private set; } = null!;
    public GrpcChannel Grpc { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Secrets { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        if (!File.Exists("/usr/lib/rabbitmq/bin/rabbitmq-server"))
            throw new InvalidOperationException("rabbitmq-server is not installed (Debian package rabbitmq-server; .ci/run installs it).");
        await ScriptAsync(TimeSpan.FromMinutes(4), "--detach", "--no-build");
        using var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RunDirectory, "data", "credentials.json")));
        Secrets = credentials.RootElement.GetProperty("Clients").EnumerateArray()
            .ToDictionary(c => c.GetProperty("ClientId").GetString()!, c => c.GetProperty("ClientSecret").GetString()!);
        Http = new HttpClient { BaseAddress = GatewayHttp, Timeout = TimeSpan.FromSeconds(30) };
        Grpc = GrpcChannel.ForAddress($"http://127.0.0.1:{Port + 1}");
    }

    public async Task DisposeAsync()
    {
        Grpc?.Dispose();
        Http?.Dispose();
        await ScriptAsync(TimeSpan.FromMinutes(1), "stop");
        try { Directory.Delete(RunDirectory, recursive: true); } catch (IOException) { }
    }

    public string Database(string service) => Path.Combine(RunDirectory, "data", $"{service}.db");
    public string Log(string service) => Path.Combine(RunDirectory, "logs", $"{service}.log");

    /// <summary>SIGKILL: no shutdown hooks, no flushing, whatever was between commit and publish stays there.</summary>
    public void Kill(string service)
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(RunDirectory, "pids", $"{service}.pid")).Trim());
        using var process = Process.GetProcessById(pid);
        process.Kill();
        process.WaitForExit(10_000);
    }

    public Task RestartAsync(string service) => ScriptAsync(TimeSpan.FromMinutes(2), "restart", service);

    public Task<string> RabbitMqCtlAsync(params string[] args) => ScriptAsync(TimeSpan.FromMinutes(1), ["rabbitmqctl", .. args]);

    public async Task<int> FailedMessagesAsync() =>
        (await QueueDepthsAsync()).Where(q => q.Key.EndsWith("_error", StringComparison.Ordinal)).Sum(q => q.Value);

    /// <summary>Messages waiting in each queue, from rabbitmqctl (no management plugin needed).</summary>
    public async Task<IReadOnlyDictionary<string, int>> QueueDepthsAsync()
    {
        var output = await RabbitMqCtlAsync("list_queues", "-q", "--no-table-headers", "name", "messages");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', ' '))
            .Where(parts => parts.Length >= 2 && int.TryParse(parts[^1], out _))
            .ToDictionary(parts => parts[0], parts => int.Parse(parts[^1]));
    }

    async Task<string> ScriptAsync(TimeSpan timeout, params string[] args)
    {
        var (code, output, error) = await Processes.RunAsync("bash", [Path.Combine(RepositoryRoot.Path, "scripts", "run-distributed.sh"), .. args], new Dictionary<string, string>
        {
            ["ACCREDITATION_RUN"] = RunDirectory,
            ["ACCREDITATION_PORT"] = Port.ToString(),
            ["ACCREDITATION_RABBITMQ_PORT"] = AmqpPort.ToString(),
            ["ACCREDITATION_RABBITMQ_DIST_PORT"] = DistPort.ToString(),
            ["ACCREDITATION_CONFIGURATION"] = BuildOutput.Configuration,
            // Fast polling and no rate limits: the tests drive hundreds of calls from one address.
            ["Objections__DeadlinePollInterval"] = "00:00:00.200",
            ["Gateway__RateLimits__SignIn__PermitLimit"] = "100000",
            ["Gateway__RateLimits__General__PermitLimit"] = "100000",
            ["Gateway__RateLimits__Objections__PermitLimit"] = "100000",
            ["Gateway__RateLimits__Email__PermitLimit"] = "100000",
        }, timeout);
        if (code != 0)
            throw new InvalidOperationException($"run-distributed.sh {string.Join(' ', args)} failed ({code}): {output} {error}");
        return output;
    }
}
