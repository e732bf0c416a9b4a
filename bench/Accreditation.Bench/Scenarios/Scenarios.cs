using Accreditation.Bench.Report;
using Accreditation.Bench.Target;

namespace Accreditation.Bench;

/// <summary>The scenarios by name; each prints its table and writes its JSON file.</summary>
public static class Scenarios
{
    public delegate Task Scenario(BenchContext context, BenchResult result);

    static readonly Dictionary<string, (int Size, Scenario Run)> All = new()
    {
        ["read"] = (10, ReadScenario.RunAsync),
        ["write"] = (1000, WriteScenario.RunAsync),
        ["pipeline"] = (1000, PipelineScenario.RunAsync),
        ["burst"] = (190, BurstScenario.RunAsync),
        ["startup"] = (3, StartupScenario.RunAsync),
        ["ledger"] = (1_000_000, LedgerScenario.RunAsync),
    };

    public static async Task<BenchResult> RunAsync(BenchArguments args, TextWriter output, CancellationToken ct)
    {
        if (args.Scenario == "all")
        {
            BenchResult? last = null;
            long errors = 0;
            foreach (var name in All.Keys)
            {
                last = await RunAsync(args with { Scenario = name }, output, ct);
                errors += last.Errors;
            }
            output.WriteLine($"all scenarios: {errors} errors");
            return last!;
        }
        if (!All.TryGetValue(args.Scenario, out var scenario))
            throw new ArgumentException($"Unknown scenario {args.Scenario}\n{BenchArguments.Usage}");

        var result = new BenchResult(args.Scenario, args.Size ?? scenario.Size)
        {
            // The ledger starts no host: no host settings to show.
            Settings = args.Scenario == "ledger" ? new Dictionary<string, string>() : HostSettings(args),
        };
        // These two drive no running system: start-up starts its own hosts, the ledger runs in process on a file.
        if (args.Scenario is "startup" or "ledger")
            await scenario.Run(new BenchContext(args, null!, output, ct), result);
        else
        {
            await using var system = await SystemUnderTest.ConnectAsync(args, output, ct);
            using var api = new Api(system);
            result.Topology = system.Description;
            await scenario.Run(new BenchContext(args, api, output, ct), result);
        }
        result.Print(output);
        output.WriteLine($"   written to {result.Save(args.ResultsDirectory)}");
        return result;
    }

    /// <summary>Runs one scenario against a system already started (the smoke tests share one host).</summary>
    public static async Task<BenchResult> RunOnAsync(SystemUnderTest system, BenchArguments args, TextWriter output, CancellationToken ct)
    {
        var scenario = All[args.Scenario];
        var result = new BenchResult(args.Scenario, args.Size ?? scenario.Size) { Topology = system.Description, Settings = HostSettings(args) };
        using var api = new Api(system);
        await scenario.Run(new BenchContext(args, api, output, ct), result);
        result.Print(output);
        return result;
    }

    static Dictionary<string, string> HostSettings(BenchArguments args) =>
        args.Gateway is not null
            ? new Dictionary<string, string>(args.Settings)
            : HostProcess.BenchDefaults.Concat(args.Settings).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value);
}

/// <summary>What a scenario is given: the run's arguments, the system's API (null for start-up), where to write progress.</summary>
public sealed record BenchContext(BenchArguments Args, Api Api, TextWriter Log, CancellationToken Cancellation)
{
    public SystemUnderTest System => Api.System;

    public Load.HostGauges? HostMemory => System.Host is { } host ? new(() => host.ResidentMemory().Current, host.CpuSeconds) : null;

    public void Progress(string line) => Log.WriteLine($"  {DateTime.UtcNow:HH:mm:ss.f} {line}");
}
