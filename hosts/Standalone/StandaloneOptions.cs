using System.Net;
using System.Net.Sockets;

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
    public static Ports From(int first) => new(first, first + 1, first + 21, first + 22, first + 23, first + 24, first + 25);

    /// <summary>Free ports chosen by the OS, for tests that run side by side.</summary>
    public static Ports Free() => new(FreePort(), FreePort(), FreePort(), FreePort(), FreePort(), FreePort(), FreePort());

    /// <summary>
    /// A free first port for <c>--port</c> (its followers free too), below the ephemeral range so
    /// outgoing connections do not take them, for a host started as its own process.
    /// </summary>
    public static int FreeFirst()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = Random.Shared.Next(12_000, 30_000);
            var ports = From(first);
            if (new[] { ports.GatewayHttp, ports.GatewayGrpc, ports.Identity, ports.Registration, ports.Objections, ports.Notifications }.All(IsFree))
                return first;
        }
        throw new InvalidOperationException("No free block of loopback ports found.");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
