using System.Diagnostics;
using Accreditation.Standalone;
using Accreditation.TestSupport;

namespace Accreditation.Bench.Target;

/// <summary>
/// The standalone host as a user runs it (its own Release build, its own process), on free
/// loopback ports with a fresh data folder; its resident memory is read from /proc.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    /// <summary>What the benchmarks need that a single user's defaults would refuse: per-caller budgets far above any load here.</summary>
    public static readonly IReadOnlyDictionary<string, string> BenchDefaults = new Dictionary<string, string>
    {
        ["Gateway:RateLimits:General:PermitLimit"] = "100000000",
        ["Gateway:RateLimits:SignIn:PermitLimit"] = "100000000",
        ["Gateway:RateLimits:Objections:PermitLimit"] = "100000000",
        // Sign-up sends an e-mail (when e-mail is configured) and so spends the caller's e-mail budget too.
        ["Gateway:RateLimits:Email:PermitLimit"] = "100000000",
    };

    readonly Process _process;
    readonly Queue<string> _lastLines = new();
    Stopwatch _started = new();

    HostProcess(Process process, string dataDirectory, bool ownsData, int basePort)
    {
        _process = process;
        DataDirectory = dataDirectory;
        _ownsData = ownsData;
        BasePort = basePort;
    }

    readonly bool _ownsData;

    public string DataDirectory { get; }
    public int BasePort { get; }
    public int ProcessId => _process.Id;
    public Uri GatewayHttp => new($"http://127.0.0.1:{Ports.From(BasePort).GatewayHttp}/");
    public Uri GatewayGrpc => new($"http://127.0.0.1:{Ports.From(BasePort).GatewayGrpc}/");
    public Uri Registration => new($"http://127.0.0.1:{Ports.From(BasePort).Registration}/");

    /// <summary>From process start to the gateway's /healthz answering 200.</summary>
    public TimeSpan TimeToHealthy { get; private set; }

    /// <summary>
    /// The build of this configuration (the bench's project reference builds it alongside), or
    /// ACCREDITATION_BENCH_HOST: another build's Accreditation.Standalone.dll, to compare two builds.
    /// </summary>
    public static string HostAssembly()
    {
        if (Environment.GetEnvironmentVariable("ACCREDITATION_BENCH_HOST") is { Length: > 0 } other)
            return other;
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var root = RepositoryRoot();
        var dll = Path.Combine(root, "hosts", "Standalone", "bin", configuration, "net10.0", "Accreditation.Standalone.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The standalone host is not built ({dll}); build bench/Accreditation.Bench with -c {configuration}.");
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Accreditation.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("Accreditation.sln not found above " + AppContext.BaseDirectory);
    }

    // A cold start takes 3 s on a quiet machine, but over a minute on a shared one at load 100 and more:
    // a bench that gives up first measures nothing at all.
    static readonly TimeSpan HealthyWithin = TimeSpan.FromSeconds(180);

    /// <summary>
    /// Starts the host and waits until it is healthy. Without a data folder it gets a fresh one, deleted
    /// with it; a given folder (a restart on the same data) is the caller's and is kept.
    /// </summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, TextWriter log, CancellationToken ct,
        string? dataDirectory = null)
    {
        // Ports found free can be taken before the host binds them (others run tests here too): try new ones then.
        for (var attempt = 1; ; attempt++)
        {
            var host = Launch(settings, LoopbackPorts.FreeBlock(Ports.Offsets), dataDirectory);
            try
            {
                await host.WaitHealthyAsync(HealthyWithin, ct);
                return host;
            }
            catch (Exception e) when (attempt < 3 && host.LastLines.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                log.WriteLine($"  (host ports taken, retrying: {e.Message})");
                await host.DisposeAsync();
            }
            catch
            {
                await host.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>A new folder under the temporary one, for a host's data.</summary>
    public static string NewDataDirectory()
    {
        var data = Path.Combine(Path.GetTempPath(), "accreditation-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        return data;
    }

    static HostProcess Launch(IReadOnlyDictionary<string, string> settings, int basePort, string? dataDirectory)
    {
        var data = dataDirectory ?? NewDataDirectory();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = data,
        };
        foreach (var arg in new[] { HostAssembly(), "--data", data, "--port", basePort.ToString() })
            start.ArgumentList.Add(arg);
        // ASP.NET Core reads environment variables as configuration ("__" for ':'); the host's own wiring comes after them.
        foreach (var (key, value) in BenchDefaults.Concat(settings).GroupBy(s => s.Key).Select(g => g.Last()))
            start.Environment[key.Replace(":", "__")] = value;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(process, data, ownsData: dataDirectory is null, basePort);
        process.OutputDataReceived += (_, e) => host.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => host.Remember(e.Data);
        host._started = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    void Remember(string? line)
    {
        if (line is null)
            return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > 60)
                _lastLines.Dequeue();
        }
    }

    public string LastLines
    {
        get { lock (_lastLines) return string.Join('\n', _lastLines); }
    }

    async Task WaitHealthyAsync(TimeSpan limit, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The standalone host exited ({_process.ExitCode}):\n{LastLines}");
            if (_started.Elapsed > limit)
                throw new TimeoutException($"The standalone host was not healthy after {limit}:\n{LastLines}");
            try
            {
                using var response = await http.GetAsync(new Uri(GatewayHttp, "/healthz"), ct);
                if (response.IsSuccessStatusCode)
                {
                    TimeToHealthy = _started.Elapsed;
                    return;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(20, ct);
        }
    }

    /// <summary>Resident memory now and its peak so far (VmRSS, VmHWM), in MB.</summary>
    public (double Current, double Peak) ResidentMemory() => ProcMemory.Read(_process.Id);

    /// <summary>CPU seconds the host has used so far (user + system), every thread.</summary>
    public double CpuSeconds() => ProcMemory.CpuSeconds(_process.Id);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException) { }
        catch (TimeoutException) { }
        _process.Dispose();
        if (_ownsData)
            DeleteDataDirectory(DataDirectory);
    }

    public static void DeleteDataDirectory(string directory)
    {
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Resident memory of a process from /proc (Linux); zero elsewhere.</summary>
public static class ProcMemory
{
    public static (double Current, double Peak) Read(int pid)
    {
        try
        {
            double current = 0, peak = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    current = Kilobytes(line) / 1024.0;
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    peak = Kilobytes(line) / 1024.0;
            }
            return (current, peak);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    /// <summary>utime + stime of /proc/PID/stat, in seconds (clock ticks of 1/100 s, Linux's USER_HZ).</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    static long Kilobytes(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
}
