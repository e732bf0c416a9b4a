using Accreditation.Bench;
using Accreditation.Bench.Report;
using Accreditation.Bench.Target;
using Xunit.Abstractions;

namespace Accreditation.BenchTests;

/// <summary>One standalone host (the bench's child process) for the scenarios that drive a running system.</summary>
public sealed class BenchHostFixture : IAsyncLifetime
{
    public SystemUnderTest System { get; private set; } = null!;

    public async Task InitializeAsync() =>
        System = await SystemUnderTest.ConnectAsync(new BenchArguments("smoke", null), TextWriter.Null, CancellationToken.None);

    public async Task DisposeAsync() => await System.DisposeAsync();
}

/// <summary>
/// Every scenario at a tiny size against a real standalone host: the table has rows, and no call
/// failed and no check failed. Sizes and windows are generous for the work (15 s windows for a few
/// calls), so a slow or shared machine only makes them take longer.
/// </summary>
public sealed class BenchSmokeTests(BenchHostFixture host, ITestOutputHelper output) : IClassFixture<BenchHostFixture>
{
    [Fact]
    public async Task Read_measures_every_target_without_errors()
    {
        var result = await RunAsync(new BenchArguments("read", null) { Seconds = 0.3, Clients = [8] });
        Assert.Equal(7, result.Rows.Count);
        Assert.All(result.Rows, r => Assert.True(r.Calls > 0, $"{r.Target} made no call"));
        Assert.Contains(result.Rows, r => r.Target == ReadScenario.Baseline && r.Ratio == 1.0);
    }

    [Fact]
    public async Task Write_submits_and_screens_at_each_client_count_without_errors()
    {
        var result = await RunAsync(new BenchArguments("write", 4) { Clients = [1, 4] });
        Assert.Equal(4, result.Rows.Count);
        Assert.All(result.Rows, r => Assert.Equal(4, r.Calls));
    }

    [Fact]
    public async Task Pipeline_decides_every_application_and_delivers_every_notice()
    {
        var result = await RunAsync(new BenchArguments("pipeline", 10) { Clients = [4], Window = 15 });
        Assert.Contains(result.Facts, f => f.What.StartsWith("every one of 10 applications decided"));
        Assert.Contains(result.Facts, f => f.What.StartsWith("every organization notice (40)"));
    }

    [Fact]
    public async Task Burst_accepts_the_on_time_objections_and_refuses_the_late_ones()
    {
        var result = await RunAsync(new BenchArguments("burst", 5) { Window = 15 });
        Assert.Equal(4, result.Rows[0].Calls);
        Assert.Equal(1, result.Rows[1].Calls);
    }

    async Task<BenchResult> RunAsync(BenchArguments args)
    {
        using var log = new StringWriter();
        var result = await Scenarios.RunOnAsync(host.System, args, log, CancellationToken.None);
        output.WriteLine(log.ToString());
        Assert.True(result.Errors == 0, $"{result.Errors} errors:\n{log}");
        return result;
    }
}

/// <summary>The ledger scenario runs in process on a file of its own: a small ledger built, verified both ways, proven, appended to.</summary>
public sealed class LedgerSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Ledger_builds_verifies_proves_and_appends_with_every_check_holding()
    {
        using var log = new StringWriter();
        var args = new BenchArguments("ledger", 2000) { Rounds = 1, ResultsDirectory = Path.Combine(Path.GetTempPath(), "accreditation-bench-results") };
        var result = await Scenarios.RunAsync(args, log, CancellationToken.None);
        output.WriteLine(log.ToString());
        Assert.True(result.Errors == 0, log.ToString());
        Assert.Contains(result.Facts, f => f.What.StartsWith("verify 2,000 entries, lean parallel") && f.Value > 0);
        Assert.Contains(result.Facts, f => f.What.StartsWith("verify 2,000 entries, one by one (before)") && f.Value > 0);
        // Proofs at 1,000 and 2,000 entries, each at most ceil(log2 n) hashes and verified; a consistency proof between.
        Assert.Equal(2, result.Facts.Count(f => f.What.Contains("hashes, at most ceil(log2 n)") && f.Holds == true));
        Assert.Contains(result.Facts, f => f.What.StartsWith("consistency proof 1,000 -> 2,000") && f.Holds == true);
        Assert.Contains(result.Facts, f => f.What.StartsWith("appends per s with tree and heads") && f.Value > 0);
        Assert.Contains(result.Facts, f => f.What.StartsWith("the ledger with the appends verifies") && f.Holds == true);
    }
}

/// <summary>The start-up scenario starts hosts of its own.</summary>
public sealed class StartupSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Startup_reports_time_to_healthy_and_idle_memory()
    {
        using var log = new StringWriter();
        var args = new BenchArguments("startup", 1) { Seconds = 0.5, ResultsDirectory = Path.Combine(Path.GetTempPath(), "accreditation-bench-results") };
        var result = await Scenarios.RunAsync(args, log, CancellationToken.None);
        output.WriteLine(log.ToString());
        Assert.Equal(0, result.Errors);
        Assert.Contains(result.Facts, f => f.What.StartsWith("healthy after start") && f.Value > 0);
        Assert.Contains(result.Facts, f => f.What.StartsWith("idle resident memory") && f.Value > 0);
    }
}
