using Accreditation.Bench.Report;
using Accreditation.Bench.Target;

namespace Accreditation.Bench;

/// <summary>
/// A fresh standalone host, several times: time from process start to a healthy gateway, the CPU
/// time it took to get there (steadier than the wall time on a shared machine), and resident memory once idle.
/// </summary>
public static class StartupScenario
{
    public static async Task RunAsync(BenchContext context, BenchResult result)
    {
        var rounds = context.Args.Size ?? 3;
        var idle = TimeSpan.FromSeconds(context.Args.Seconds ?? 10);
        if (context.Args.Gateway is not null)
            throw new ArgumentException("startup starts the standalone host itself; it takes no --gateway.");
        var healthy = new List<double>();
        var cpu = new List<double>();
        var resident = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            await using var host = await HostProcess.StartAsync(context.Args.Settings, context.Log, context.Cancellation);
            var cpuToHealthy = host.CpuSeconds();
            await Task.Delay(idle, context.Cancellation);
            var (current, peak) = host.ResidentMemory();
            healthy.Add(host.TimeToHealthy.TotalSeconds);
            cpu.Add(cpuToHealthy);
            resident.Add(current);
            context.Log.WriteLine($"  round {round}: healthy after {host.TimeToHealthy.TotalSeconds:0.00} s ({cpuToHealthy:0.00} s of CPU), resident {current:0} MB after {idle.TotalSeconds:0} s idle (peak {peak:0} MB)");
            result.Topology = $"standalone host started by the bench, {rounds} rounds, fresh data folder each";
        }
        result.Fact("healthy after start (median)", Statistics.Median(healthy), "s");
        result.Fact("healthy after start (worst)", healthy.Max(), "s");
        result.Fact("host CPU time until healthy (median)", Statistics.Median(cpu), "s");
        result.Fact($"idle resident memory after {idle.TotalSeconds:0} s (median)", Statistics.Median(resident), "MB");
        result.Notes.Add("healthy = the gateway's /healthz answers 200 (every service is started before the gateway); process start includes the runtime's own start.");
    }
}
