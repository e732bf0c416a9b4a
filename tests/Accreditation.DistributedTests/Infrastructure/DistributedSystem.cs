using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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
    public static readonly string Root = FindRoot();

    public string RunDirectory { get; } = Path.Combine(Path.GetTempPath(), "accreditation-distributed", Guid.NewGuid().ToString("N")[..12]);
    public int Port { get; } = FreeBlock([0, 1, 2, 3, 21, 22, 23, 24]);
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
        var start = new ProcessStartInfo("bash", [Path.Combine(Root, "scripts", "run-distributed.sh"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
        };
        start.Environment["ACCREDITATION_RUN"] = RunDirectory;
        start.Environment["ACCREDITATION_PORT"] = Port.ToString();
        start.Environment["ACCREDITATION_RABBITMQ_PORT"] = AmqpPort.ToString();
        start.Environment["ACCREDITATION_RABBITMQ_DIST_PORT"] = DistPort.ToString();
        start.Environment["ACCREDITATION_CONFIGURATION"] = Configuration;
        // Fast polling and no rate limits: the tests drive hundreds of calls from one address.
        start.Environment["Objections__DeadlinePollInterval"] = "00:00:00.200";
        start.Environment["Gateway__RateLimits__SignIn__PermitLimit"] = "100000";
        start.Environment["Gateway__RateLimits__General__PermitLimit"] = "100000";
        start.Environment["Gateway__RateLimits__Objections__PermitLimit"] = "100000";
        start.Environment["Gateway__RateLimits__Email__PermitLimit"] = "100000";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"run-distributed.sh {string.Join(' ', args)} failed ({process.ExitCode}): {await stdout} {await stderr}");
        return await stdout;
    }

    // The test assembly sits in tests/<project>/bin/<Configuration>/<tfm>/.
    public static string Configuration => Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;

    static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Accreditation.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Accreditation.sln not found above the test assembly.");
    }

    /// <summary>
    /// A base port whose offsets are all free (here +0, +1 and +21..+24 the script's, +2 and +3 the broker's).
    /// Below the kernel's ephemeral range, so no outgoing connection takes one before its server binds it.
    /// </summary>
    public static int FreeBlock(int[] offsets)
    {
        var ephemeral = File.Exists("/proc/sys/net/ipv4/ip_local_port_range")
            ? int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0])
            : 32_768;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var first = Random.Shared.Next(20_000, Math.Max(20_001, ephemeral - 30));
            if (offsets.All(offset => IsFree(first + offset)))
                return first;
        }
        throw new InvalidOperationException("No free block of loopback ports.");
    }

    static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
