using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;

namespace Accreditation.Bench.Load;

/// <summary>One call of a worker: which worker, and which item of a counted run (or a running number).</summary>
public delegate Task Call(int worker, long item, CancellationToken ct);

/// <summary>How long a target is driven: for a time after a warm-up, or until a number of items is done.</summary>
public abstract record Stop
{
    public sealed record After(TimeSpan Warmup, TimeSpan Measured) : Stop;
    public sealed record Items(long Count) : Stop;
}

/// <summary>
/// Drives one target with a fixed number of concurrent callers (each awaiting its call before the
/// next, as a closed-loop client does) and records every latency; failures are counted by status.
/// </summary>
public static class LoadRunner
{
    static readonly TimeSpan FirstCallBound = TimeSpan.FromSeconds(30);

    public static async Task<Row> RunAsync(string target, int concurrency, Stop stop, Call call, HostGauges? host, CancellationToken ct)
    {
        var latencies = new List<long>[concurrency];
        var errors = new ConcurrentDictionary<string, long>();
        var next = -1L;
        var measuring = stop is Stop.Items;
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct);
        double peakMemory = 0;
        var residentMemory = host?.ResidentMemory;
        double cpuAtStart = 0;
        // A measured window shorter than one call (a tiny smoke run on a busy machine) would count
        // nothing: it lasts until at least one call has been measured, up to a bound.
        var firstMeasured = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task Worker(int worker)
        {
            var mine = latencies[worker] = new List<long>(4096);
            while (!stopping.IsCancellationRequested)
            {
                var item = Interlocked.Increment(ref next);
                if (stop is Stop.Items { Count: var count } && item >= count)
                    return;
                var started = Stopwatch.GetTimestamp();
                var recorded = Volatile.Read(ref measuring);
                try
                {
                    await call(worker, item, stopping.Token);
                }
                catch (Exception e) when (!stopping.IsCancellationRequested || e is not OperationCanceledException and not RpcException { StatusCode: StatusCode.Cancelled })
                {
                    if (recorded)
                        errors.AddOrUpdate(Classify(e), 1, (_, n) => n + 1);
                    continue;
                }
                catch (Exception) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                if (recorded && Volatile.Read(ref measuring))
                {
                    mine.Add(Stopwatch.GetTimestamp() - started);
                    firstMeasured.TrySetResult();
                }
            }
        }

        var sampling = Task.Run(async () =>
        {
            while (!stopping.IsCancellationRequested && residentMemory is not null)
            {
                peakMemory = Math.Max(peakMemory, residentMemory());
                try { await Task.Delay(200, stopping.Token); } catch (OperationCanceledException) { }
            }
        }, CancellationToken.None);

        double cpuUsed = 0;
        var workers = Enumerable.Range(0, concurrency).Select(i => Task.Run(() => Worker(i), CancellationToken.None)).ToArray();
        var clock = Stopwatch.StartNew();
        if (stop is Stop.After(var warmup, var measured))
        {
            await Task.Delay(warmup, ct);
            Volatile.Write(ref measuring, true);
            cpuAtStart = host?.CpuSeconds() ?? 0;
            clock.Restart();
            await Task.Delay(measured, ct);
            await Task.WhenAny(firstMeasured.Task, Task.Delay(FirstCallBound, ct));
            Volatile.Write(ref measuring, false);
            clock.Stop();
            cpuUsed = (host?.CpuSeconds() ?? 0) - cpuAtStart;
            await stopping.CancelAsync();
            await Task.WhenAll(workers);
        }
        else
        {
            cpuAtStart = host?.CpuSeconds() ?? 0;
            await Task.WhenAll(workers);
            clock.Stop();
            cpuUsed = (host?.CpuSeconds() ?? 0) - cpuAtStart;
            await stopping.CancelAsync();
        }
        await sampling;
        if (residentMemory is not null)
            peakMemory = Math.Max(peakMemory, residentMemory());

        var all = latencies.Where(l => l is not null).SelectMany(l => l).ToArray();
        Array.Sort(all);
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        double Percentile(double p) => all.Length == 0 ? 0 : Ms(all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)]);
        var errorCount = errors.Values.Sum();
        var seconds = clock.Elapsed.TotalSeconds;
        return new Row(target, concurrency, all.Length, errorCount, seconds, all.Length / Math.Max(seconds, 1e-9),
            Percentile(0.50), Percentile(0.95), Percentile(0.99), all.Length == 0 ? 0 : Ms(all[^1]),
            errors.OrderBy(e => e.Key).ToDictionary(e => e.Key, e => e.Value), residentMemory is null ? null : peakMemory)
        {
            HostCpuMicrosecondsPerCall = host is null || all.Length == 0 ? null : cpuUsed * 1e6 / all.Length,
        };
    }

    /// <summary>A failure's kind as a caller sees it; SQLite's busy writer is named, since none may reach a caller.</summary>
    public static string Classify(Exception e) => e switch
    {
        RpcException rpc when rpc.Status.Detail.Contains("busy", StringComparison.OrdinalIgnoreCase)
            || rpc.Status.Detail.Contains("locked", StringComparison.OrdinalIgnoreCase) => $"{rpc.StatusCode} SQLITE_BUSY",
        RpcException rpc => rpc.StatusCode.ToString(),
        HttpStatusException http => $"HTTP {(int)http.Status}",
        HttpRequestException http => $"HTTP {http.HttpRequestError}",
        _ => e.GetType().Name,
    };
}

/// <summary>A JSON call answered with a status other than the one expected.</summary>
public sealed class HttpStatusException(System.Net.HttpStatusCode status) : Exception($"HTTP {(int)status}")
{
    public System.Net.HttpStatusCode Status { get; } = status;
}

/// <summary>One target's figures: latencies in milliseconds, memory in MB.</summary>
public sealed record Row(string Target, int Concurrency, long Calls, long Errors, double Seconds, double PerSecond,
    double P50, double P95, double P99, double Max, IReadOnlyDictionary<string, long> ErrorsByKind, double? PeakResidentMb)
{
    /// <summary>Throughput and p99 against the baseline of the same run.</summary>
    public double? Ratio { get; init; }
    public double? P99Ratio { get; init; }
    public string? Note { get; init; }

    /// <summary>The host's CPU time over the measured part divided by the calls measured: steadier than req/s on a shared machine.</summary>
    public double? HostCpuMicrosecondsPerCall { get; init; }
}

/// <summary>What the load generator can read of the host while it drives it.</summary>
public sealed record HostGauges(Func<double> ResidentMemory, Func<double> CpuSeconds);
