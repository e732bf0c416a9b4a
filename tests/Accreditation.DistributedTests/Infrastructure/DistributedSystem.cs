using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Accreditation.DistributedTests.Telemetry;
using Grpc.Net.Client;
using Npgsql;

namespace Accreditation.DistributedTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class DistributedCollection : ICollectionFixture<DistributedSystem>
{
    public const string Name = "distributed system";
}

[CollectionDefinition(Name)]
public sealed class ReplicatedCollection : ICollectionFixture<ReplicatedSystem>
{
    public const string Name = "replicated system on PostgreSQL";
}

/// <summary>
/// The distributed topology as an operator starts it: scripts/run-distributed.sh brings up its own
/// RabbitMQ node (free loopback port, data under a temporary run folder) and every service and the
/// gateway as separate processes from their built binaries. Tests talk through the gateway, kill and
/// restart processes, stop the broker, and read the services' databases for the accounting.
/// </summary>
public class DistributedSystem : IAsyncLifetime, ISystemUnderTest
{
    public static readonly string[] Services = ["identity", "registration", "objections", "notifications", "gateway"];
    readonly bool _postgres;
    static readonly string[] Replicated = ["registration", "objections"];
    const int Replicas = 2;

    /// <summary>SQLite files, one process per service.</summary>
    public DistributedSystem() : this(postgres: false) { }

    protected DistributedSystem(bool postgres) => _postgres = postgres;

    /// <summary>With PostgreSQL (the script's --postgres): two replicas each of Registration and Objections.</summary>
    public bool Postgres => _postgres;
    // Under a parent the postgres user may pass through (the script gives it the run folder itself).
    static readonly string Parent = Path.Combine(Path.GetTempPath(), "accreditation-distributed");
    public string RunDirectory { get; } = Path.Combine(Parent, Guid.NewGuid().ToString("N")[..12]);
    // +0, +1 gateway, +2, +3 broker, +21..+25 the services and the portal, +26 PostgreSQL, +32, +33 the second replicas.
    public int Port { get; } = LoopbackPorts.FreeBlock([0, 1, 2, 3, 21, 22, 23, 24, 25, 26, 32, 33]);
    public int AmqpPort => Port + 2;
    int DistPort => Port + 3;
    public int PostgresPort => Port + 26;
    public Uri GatewayHttp => new($"http://127.0.0.1:{Port}/");
    public HttpClient Http { get; private set; } = null!;
    public GrpcChannel Grpc { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Secrets { get; private set; } = new Dictionary<string, string>();
    /// <summary>Where every process exports the spans of traces a caller started sampled (see <see cref="ScriptAsync"/>).</summary>
    public OtlpTraceReceiver Traces { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists("/usr/lib/rabbitmq/bin/rabbitmq-server"))
            throw new InvalidOperationException("rabbitmq-server is not installed (Debian package rabbitmq-server; .ci/run installs it).");
        if (_postgres && !Directory.Exists("/usr/lib/postgresql"))
            throw new InvalidOperationException("postgresql is not installed (Debian package postgresql; scripts/test-prerequisites.sh installs it).");
        Traces = await OtlpTraceReceiver.StartAsync();
        Directory.CreateDirectory(Parent);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Parent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        await ScriptAsync(TimeSpan.FromMinutes(_postgres ? 6 : 4), _postgres ? ["--detach", "--no-build", "--postgres"] : ["--detach", "--no-build"]);
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
        if (Traces is not null)
            await Traces.DisposeAsync();
        // ACCREDITATION_KEEP_RUN=1 keeps the run folder (logs, data) to look into a failure.
        if (Environment.GetEnvironmentVariable("ACCREDITATION_KEEP_RUN") is not { Length: > 0 })
            try { Directory.Delete(RunDirectory, recursive: true); } catch (IOException) { }
    }

    /// <summary>The processes of a service: registration-1 and registration-2 when it is replicated, else its name.</summary>
    public IReadOnlyList<string> Instances(string service) =>
        _postgres && Replicated.Contains(service) ? [.. Enumerable.Range(1, Replicas).Select(n => $"{service}-{n}")] : [service];

    public IReadOnlyList<string> Logs(string service) => [.. Instances(service).Select(i => Path.Combine(RunDirectory, "logs", $"{i}.log"))];

    public Task<List<T>> QueryAsync<T>(string service, string sql, Func<DbDataReader, T> read) => _postgres
        ? Accounting.ReadAsync(new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = PostgresPort,
            Database = service,
            Username = service,
            Password = File.ReadAllText(Path.Combine(RunDirectory, "postgres", $"{service}.password")).Trim(),
            // A fresh connection each time: pooled ones would not survive a restart of the server.
            Pooling = false,
            Timeout = 5,
        }.ConnectionString), sql, read)
        : Accounting.SqliteQueryAsync(Path.Combine(RunDirectory, "data", $"{service}.db"), sql, read);

    /// <summary>SIGKILL of one process (a service, or one replica): no shutdown hooks, no flushing, whatever was between commit and publish stays there.</summary>
    public void Kill(string instance)
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(RunDirectory, "pids", $"{instance}.pid")).Trim());
        using var process = Process.GetProcessById(pid);
        process.Kill();
        process.WaitForExit(10_000);
    }

    public Task RestartAsync(string instance) => ScriptAsync(TimeSpan.FromMinutes(2), "restart", instance);

    public Task<string> RabbitMqCtlAsync(params string[] args) => ScriptAsync(TimeSpan.FromMinutes(1), ["rabbitmqctl", .. args]);

    public Task<string> PgCtlAsync(params string[] args) => ScriptAsync(TimeSpan.FromMinutes(4), ["pg_ctl", .. args]);

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
            ["ACCREDITATION_POSTGRES_PORT"] = PostgresPort.ToString(),
            // A killed replica is noticed within a second or two, a restarted one back within three.
            ["Gateway__HealthChecks__Interval"] = "00:00:01",
            ["Gateway__HealthChecks__ReactivationPeriod"] = "00:00:03",
            ["ACCREDITATION_CONFIGURATION"] = BuildOutput.Configuration,
            // Fast polling and no rate limits: the tests drive hundreds of calls from one address.
            ["Objections__DeadlinePollInterval"] = "00:00:00.200",
            ["Gateway__RateLimits__SignIn__PermitLimit"] = "100000",
            ["Gateway__RateLimits__General__PermitLimit"] = "100000",
            ["Gateway__RateLimits__Objections__PermitLimit"] = "100000",
            ["Gateway__RateLimits__Email__PermitLimit"] = "100000",
            // Traces over OTLP to the tests' receiver, but only those a caller started sampled (a
            // traceparent ending in -01): the pollers' and other tests' spans are never recorded, so
            // the rest of the run pays next to nothing for the one test that follows a trace.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Traces.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_TRACES_SAMPLER"] = "parentbased_always_off",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
            ["OTEL_METRICS_EXPORTER"] = "none",
            ["OTEL_LOGS_EXPORTER"] = "none",
        }, timeout);
        if (code != 0)
            throw new InvalidOperationException($"run-distributed.sh {string.Join(' ', args)} failed ({code}): {output} {error}");
        return output;
    }
}

/// <summary>The distributed topology on PostgreSQL with two replicas of Registration and Objections behind the gateway.</summary>
public sealed class ReplicatedSystem() : DistributedSystem(postgres: true);
