using Accreditation.Bench.Report;
using Accreditation.Bench.Target;

namespace Accreditation.Bench;

/// <summary>
/// A fresh standalone host, several times: time from process start to a healthy gateway, the CPU
/// time it took to get there (steadier than the wall time on a shared machine), and resident memory once idle;
/// then a restart on the same data folder, which a user meets every day after the first: the signing keys,
/// accounts and API clients exist and the databases are up to date.
/// </summary>
public static class StartupScenario
{
    public static async Task RunAsync(BenchContext context, BenchResult result)
    {
        var rounds = context.Args.Size ?? 3;
        var idle = TimeSpan.FromSeconds(context.Args.Seconds ?? 10);
        if (context.Args.Gateway is not null)
            throw new ArgumentException("startup starts the standalone host itself; it takes no --gateway.");
        var first = new Measures();
        var restart = new Measures();
        for (var round = 1; round <= rounds; round++)
        {
            var data = HostProcess.NewDataDirectory();
            try
            {
                await MeasureAsync(context, data, idle, first, $"round {round}, first start");
                await MeasureAsync(context, data, idle, restart, $"round {round}, restart   ");
            }
            finally
            {
                HostProcess.DeleteDataDirectory(data);
            }
            result.Topology = $"standalone host started by the bench, {rounds} rounds, each a fresh data folder then a restart on it";
        }
        first.Report(result, "");
        restart.Report(result, ", restart on the same data");
        result.Notes.Add("healthy = the gateway's /healthz answers 200 (every service is started before the gateway); process start includes the runtime's own start.");
        result.Notes.Add("restart = the same data folder after the first start was stopped: keys, accounts and clients exist, no migration to apply.");
    }

    static async Task MeasureAsync(BenchContext context, string data, TimeSpan idle, Measures into, string label)
    {
        await using var host = await HostProcess.StartAsync(context.Args.Settings, context.Log, context.Cancellation, data);
        var cpuToHealthy = host.CpuSeconds();
        await Task.Delay(idle, context.Cancellation);
        var (current, peak) = host.ResidentMemory();
        into.Healthy.Add(host.TimeToHealthy.TotalSeconds);
        into.Cpu.Add(cpuToHealthy);
        into.Resident.Add(current);
        context.Log.WriteLine($"  {label}: healthy after {host.TimeToHealthy.TotalSeconds:0.00} s ({cpuToHealthy:0.00} s of CPU), resident {current:0} MB after {idle.TotalSeconds:0} s idle (peak {peak:0} MB)");
        into.Idle = idle;
    }

    sealed class Measures
    {
        public List<double> Healthy { get; } = [];
        public List<double> Cpu { get; } = [];
        public List<double> Resident { get; } = [];
        public TimeSpan Idle { get; set; }

        public void Report(BenchResult result, string suffix)
        {
            result.Fact($"healthy after start{suffix} (median)", Statistics.Median(Healthy), "s");
            result.Fact($"healthy after start{suffix} (worst)", Healthy.Max(), "s");
            result.Fact($"host CPU time until healthy{suffix} (median)", Statistics.Median(Cpu), "s");
            result.Fact($"idle resident memory after {Idle.TotalSeconds:0} s{suffix} (median)", Statistics.Median(Resident), "MB");
        }
    }
}
