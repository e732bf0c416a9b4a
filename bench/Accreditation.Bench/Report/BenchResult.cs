using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Accreditation.Bench.Load;

namespace Accreditation.Bench.Report;

/// <summary>One run of one scenario: its load rows, its measured facts (times, counts), and where it ran.</summary>
public sealed class BenchResult(string scenario, int size)
{
    public string Scenario { get; } = scenario;
    public int Size { get; } = size;
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
    public string Machine { get; } = $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    public string Topology { get; set; } = "";
    public IDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
    public List<Row> Rows { get; } = [];
    public List<Fact> Facts { get; } = [];
    public List<string> Notes { get; } = [];

    /// <summary>Failures of load rows and facts that did not hold (a fact's check failed).</summary>
    public long Errors => Rows.Sum(r => r.Errors) + Facts.Count(f => f.Holds == false);

    public void Add(Row row) => Rows.Add(row);

    public void Fact(string what, double value, string unit, bool? holds = null) => Facts.Add(new Fact(what, value, unit, holds));

    /// <summary>Every row as a ratio of the named baseline row (throughput and p99).</summary>
    public void RelateTo(string baseline)
    {
        var reference = Rows.FirstOrDefault(r => r.Target == baseline);
        if (reference is null || reference.PerSecond <= 0)
            return;
        for (var i = 0; i < Rows.Count; i++)
            Rows[i] = Rows[i] with
            {
                Ratio = Rows[i].PerSecond / reference.PerSecond,
                P99Ratio = reference.P99 > 0 ? Rows[i].P99 / reference.P99 : null,
            };
        Notes.Add($"ratio = req/s / req/s of \"{baseline}\", p99 x = p99 / its p99, both from this run (the machine is shared and noisy: compare ratios, not absolute figures).");
    }

    public void Print(TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine($"== {Scenario} (size {Size}) at {StartedAt:yyyy-MM-dd HH:mm:ss} UTC; {Machine}");
        output.WriteLine($"   {Topology}");
        if (Settings.Count > 0)
            output.WriteLine($"   settings: {string.Join(", ", Settings.Select(s => $"{s.Key}={s.Value}"))}");
        if (Rows.Count > 0)
        {
            output.WriteLine($"| {"target",-52} | {"conc",4} | {"calls",8} | {"req/s",9} | {"ratio",5} | {"p50 ms",7} | {"p95 ms",7} | {"p99 ms",7} | {"p99 x",5} | {"max ms",7} | {"errors",6} | {"host RSS MB",11} | {"host CPU µs/call",16} |");
            output.WriteLine($"|{new string('-', 54)}|------|----------|-----------|-------|---------|---------|---------|-------|---------|--------|-------------|------------------|");
            foreach (var r in Rows)
                output.WriteLine(string.Format(c, "| {0,-52} | {1,4} | {2,8} | {3,9:N0} | {4,5} | {5,7:0.00} | {6,7:0.00} | {7,7:0.00} | {8,5} | {9,7:0.0} | {10,6} | {11,11} | {12,16} |",
                    r.Target, r.Concurrency, r.Calls, r.PerSecond, r.Ratio is { } x ? x.ToString("0.00", c) : "", r.P50, r.P95, r.P99,
                    r.P99Ratio is { } y ? y.ToString("0.0", c) : "", r.Max, r.Errors, r.PeakResidentMb is { } m ? m.ToString("0", c) : "-", r.HostCpuMicrosecondsPerCall is { } u ? u.ToString("0", c) : "-"));
            foreach (var r in Rows.Where(r => r.ErrorsByKind.Count > 0))
                output.WriteLine($"   errors of {r.Target}: {string.Join(", ", r.ErrorsByKind.Select(e => $"{e.Key} x{e.Value}"))}");
            foreach (var r in Rows.Where(r => r.Note is not null))
                output.WriteLine($"   {r.Target}: {r.Note}");
        }
        foreach (var f in Facts)
            output.WriteLine(string.Format(c, "   {0}: {1:0.###} {2}{3}", f.What, f.Value, f.Unit, f.Holds switch { true => "  [holds]", false => "  [FAILS]", null => "" }));
        foreach (var note in Notes)
            output.WriteLine($"   note: {note}");
        output.WriteLine($"   errors: {Errors}");
    }

    public string Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{Scenario}-{StartedAt:yyyyMMdd-HHmmss}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        return path;
    }
}

/// <summary>A measured figure that is not a load row (seconds to a decision, memory at rest), and whether its check held.</summary>
public sealed record Fact(string What, double Value, string Unit, bool? Holds);

/// <summary>Figures over repeated rounds.</summary>
public static class Statistics
{
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
