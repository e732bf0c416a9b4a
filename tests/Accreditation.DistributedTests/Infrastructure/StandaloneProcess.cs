using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Grpc.Net.Client;

namespace Accreditation.DistributedTests.Infrastructure;

/// <summary>
/// The standalone topology as a newcomer runs it (one process, the in-memory bus, SQLite files),
/// started from its built binary so a test can SIGKILL it at any instant and start it again on the
/// same data folder.
/// </summary>
public sealed class StandaloneProcess : IAsyncLifetime, ISystemUnderTest
{
    static readonly string[] Services = ["identity", "registration", "objections", "notifications"];
    Process? _process;
    int _starts;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "accreditation-standalone", Guid.NewGuid().ToString("N")[..12]);
    string LogDirectory => DataDirectory + "-logs";
    public int Port { get; } = LoopbackPorts.FreeBlock([0, 1, 21, 22, 23, 24]);
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };
    public GrpcChannel Grpc { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Secrets { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(LogDirectory);
        Http.BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
        // The gateway dies with the host: reconnect at once when it is back, not after the channel's usual backoff.
        Grpc = GrpcChannel.ForAddress($"http://127.0.0.1:{Port + 1}", new GrpcChannelOptions
        {
            InitialReconnectBackoff = TimeSpan.FromMilliseconds(100),
            MaxReconnectBackoff = TimeSpan.FromMilliseconds(500),
        });
        await StartAsync();
        using var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(DataDirectory, "credentials.json")));
        Secrets = credentials.RootElement.GetProperty("Clients").EnumerateArray()
            .ToDictionary(c => c.GetProperty("ClientId").GetString()!, c => c.GetProperty("ClientSecret").GetString()!);
    }

    public async Task DisposeAsync()
    {
        Kill();
        Grpc?.Dispose();
        Http.Dispose();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        try { Directory.Delete(LogDirectory, recursive: true); } catch (IOException) { }
        await Task.CompletedTask;
    }

    /// <summary>Starts the host and waits until the gateway and every service answer their health checks.</summary>
    public async Task StartAsync()
    {
        var dll = BuildOutput.AssemblyOf("hosts/Standalone", "Accreditation.Standalone");
        var start = new ProcessStartInfo("dotnet", [dll, "--data", DataDirectory, "--port", Port.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        // Fast polling, no rate limits (one address drives hundreds of calls), and the inbox's duplicate lines.
        start.Environment["Objections__DeadlinePollInterval"] = "00:00:00.200";
        start.Environment["Gateway__RateLimits__SignIn__PermitLimit"] = "100000";
        start.Environment["Gateway__RateLimits__General__PermitLimit"] = "100000";
        start.Environment["Gateway__RateLimits__Objections__PermitLimit"] = "100000";
        start.Environment["Gateway__RateLimits__Email__PermitLimit"] = "100000";
        start.Environment["Logging__LogLevel__Accreditation.Messaging.Inbox"] = "Debug";
        var process = Process.Start(start)!;
        var log = new StreamWriter(HostLog, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.Exited += (_, _) => { lock (log) log.Dispose(); };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        _starts++;
        var started = DateTime.UtcNow;
        await Api.EventuallyAsync(async () =>
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The standalone host exited with {process.ExitCode}; see {HostLog}:\n{File.ReadAllText(HostLog)[^Math.Min(4000, File.ReadAllText(HostLog).Length)..]}");
            try
            {
                using var response = await Http.GetAsync("/healthz");
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, up => up, "the standalone host to answer its health check", seconds: 60);
        StartTimes.Add(DateTime.UtcNow - started);
    }

    /// <summary>How long each start took until healthy.</summary>
    public List<TimeSpan> StartTimes { get; } = [];

    /// <summary>SIGKILL: no shutdown hooks, no flushing; whatever was in the in-memory bus dies with the process.</summary>
    public void Kill()
    {
        if (_process is not { HasExited: false } process)
            return;
        process.Kill();
        process.WaitForExit(10_000);
    }

    public int Starts => _starts;

    public Task<List<T>> QueryAsync<T>(string service, string sql, Func<DbDataReader, T> read) =>
        Accounting.SqliteQueryAsync(Path.Combine(DataDirectory, $"{service}.db"), sql, read);

    /// <summary>Every part logs to the host's output.</summary>
    public IReadOnlyList<string> Logs(string service) => [HostLog];

    string HostLog => Path.Combine(LogDirectory, "host.log");

    public async Task<int> FailedMessagesAsync()
    {
        var failed = 0;
        foreach (var service in Services)
            failed += (await QueryAsync(service, "SELECT COUNT(*) FROM \"FailedMessages\"", r => Accounting.Count(r, 0)))[0];
        return failed;
    }
}
