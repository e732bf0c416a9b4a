namespace Accreditation.Standalone;

/// <summary>Where the standalone system listens and keeps its files.</summary>
public sealed record StandaloneOptions(string DataDirectory, Ports Ports)
{
    /// <summary>Extra configuration for every part (tests use it for fast polling, fixed credentials...).</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The domain clock; the system's own by default.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Services log at this level and above (Warning keeps a one-process console readable).</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Warning;

    /// <summary>Another place every part's logs also go (tests read what was logged).</summary>
    public ILoggerProvider? LogSink { get; init; }

    /// <summary>More for the process's tracer (tests add an in-memory exporter); tracing is on whenever it is set.</summary>
    public Action<OpenTelemetry.Trace.TracerProviderBuilder>? Tracing { get; init; }

    /// <summary>Usage: --data DIR --port N (the gateway's HTTP port; the next ports follow).</summary>
    public static StandaloneOptions FromArgs(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var port = int.Parse(Arg("--port", Environment.GetEnvironmentVariable("ACCREDITATION_PORT") ?? "5080"));
        var data = Arg("--data", Environment.GetEnvironmentVariable("ACCREDITATION_DATA") ?? "data");
        return new StandaloneOptions(Path.GetFullPath(data), Ports.From(port));
    }
}

/// <summary>Loopback ports: the gateway's two public listeners and one per service.</summary>
public sealed record Ports(int GatewayHttp, int GatewayGrpc, int Identity, int Registration, int Objections, int Notifications, int Portal)
{
    /// <summary>Each listener's distance from the first port, in the order of the record's members (<c>--port</c> and <see cref="From"/>).</summary>
    public static readonly IReadOnlyList<int> Offsets = [0, 1, 21, 22, 23, 24, 25];

    public static Ports From(int first)
    {
        var port = Offsets.Select(offset => first + offset).ToArray();
        return new(port[0], port[1], port[2], port[3], port[4], port[5], port[6]);
    }
}
