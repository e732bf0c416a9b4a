using System.Diagnostics;
using Accreditation.Bench.Report;
using Accreditation.Registration.Data;
using Accreditation.Registration.Data.Ledger;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Data;
using Accreditation.Transparency;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Accreditation.Registration;

namespace Accreditation.Bench;

/// <summary>
/// The ledger as a transparency log, in process on a real SQLite file, with the service's own code:
/// builds a ledger of the given size (or reuses --db), verifies it against the heads signed while it
/// grew (the lean parallel verification, and the one-by-one verification it replaced, in alternate
/// rounds), times inclusion proofs at growing sizes and a consistency proof, and times appends one
/// per transaction with and without the tree's and the heads' work, in alternate rounds on two copies.
/// </summary>
public static class LedgerScenario
{
    const int Batch = 10_000;
    static readonly Actor Officer = new("officer-bench", "officer");
    static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    static LedgerFact Fact(long i) => new(LedgerKinds.Transition, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Officer,
        Start.AddSeconds(i), "Found eligible", "Submitted", "Eligible", new Dictionary<string, string> { ["note"] = $"bench {i}" }, $"trace:{i:x32}");

    public static async Task RunAsync(BenchContext context, BenchResult result)
    {
        var ct = context.Cancellation;
        var total = (long)(context.Args.Size ?? 1_000_000);
        var rounds = Math.Max(1, context.Args.Rounds ?? 3);
        var kept = context.Args.Database is not null;
        var folder = kept ? Path.GetDirectoryName(Path.GetFullPath(context.Args.Database!))! : Path.Combine(Path.GetTempPath(), $"ledger-bench-{Guid.NewGuid():N}");
        var path = kept ? Path.GetFullPath(context.Args.Database!) : Path.Combine(folder, "registration.db");
        Directory.CreateDirectory(folder);
        var keys = new LedgerKeyStore(Path.Combine(folder, "ledger-bench-keys"), "bench.example/ledger");
        result.Topology = $"in process, SQLite file {path}; {Environment.ProcessorCount} cores, load average {LoadAverage()} at start";
        try
        {
            var sizes = new[] { 1_000L, 10_000L, 100_000L, total }.Where(x => x <= total).Distinct().ToArray();
            if (!File.Exists(path))
                await BuildAsync(context, result, path, keys, total, sizes, ct);
            else
                context.Progress($"reusing {path} ({new FileInfo(path).Length / 1048576.0:N0} MB)");

            List<WitnessedRoot> heads;
            await using (var db = Open(path))
            {
                heads = (await db.SignedTreeHeads.AsNoTracking().ToListAsync(ct)).Select(h => new WitnessedRoot(h.Size, h.RootHash, "the bench")).ToList();
                total = await db.LedgerEntries.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
            }
            sizes = sizes.Where(s => heads.Any(h => h.Size == s)).ToArray();
            await VerifyAsync(context, result, path, heads, total, rounds, ct);
            await ProofsAsync(context, result, path, heads, sizes, total, ct);
            await AppendsAsync(context, result, path, keys, total, Math.Max(rounds, 2) * 3, ct);
            result.Notes.Add($"load average {LoadAverage()} at the end (the machine is shared: compare the ratios measured in the same run).");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!kept)
                Directory.Delete(folder, recursive: true);
        }
    }

    static RegistrationDb Open(string path) =>
        new(new DbContextOptionsBuilder<RegistrationDb>().UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 60 }.ToString()).Options);

    /// <summary>The service's append code in batches of 10,000, a head signed at 1k, 10k, 100k and the full size.</summary>
    static async Task BuildAsync(BenchContext context, BenchResult result, string path, LedgerKeyStore keys, long total, long[] sizes, CancellationToken ct)
    {
        await using (var db = Open(path))
        {
            await db.Database.MigrateAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
        }
        context.Progress($"building a ledger of {total:N0} entries in {path}");
        var build = Stopwatch.StartNew();
        for (long done = 0; done < total;)
        {
            await using var db = Open(path);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var end = Math.Min(done + Batch, sizes.First(x => x > done));
            for (; done < end; done++)
                await db.AppendAsync(Fact(done), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            if (sizes.Contains(done))
            {
                await using var signing = Open(path);
                await signing.SignAsync(keys, TimeProvider.System, onlyIfGrown: false, ct);
            }
        }
        build.Stop();
        result.Fact($"built {total:N0} entries with their tree, batches of {Batch:N0}", total / build.Elapsed.TotalSeconds, "entries/s");
        result.Fact("file size", new FileInfo(path).Length / 1048576.0, "MB");
    }

    /// <summary>Alternate rounds of the lean parallel verification and of the one-by-one one it replaced.</summary>
    static async Task VerifyAsync(BenchContext context, BenchResult result, string path, List<WitnessedRoot> heads, long total, int rounds, CancellationToken ct)
    {
        var lean = new List<double>();
        var oneByOne = new List<double>();
        var leanCpu = new List<double>();
        var oneByOneCpu = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // ABBA: neither way always runs on the cache the other just warmed.
            foreach (var leanFirst in round % 2 == 0 ? new[] { true, false } : [false, true])
            {
                await using var db = Open(path);
                var cpu = CpuSeconds();
                var timer = Stopwatch.StartNew();
                var verification = leanFirst
                    ? await db.VerifyLedgerAsync([], heads, ct)
                    : await OneByOneAsync(db, heads, ct);
                timer.Stop();
                cpu = CpuSeconds() - cpu;
                (leanFirst ? lean : oneByOne).Add(timer.Elapsed.TotalSeconds);
                (leanFirst ? leanCpu : oneByOneCpu).Add(cpu);
                context.Progress($"verify round {round + 1} {(leanFirst ? "lean, parallel" : "one by one (before)")}: {timer.Elapsed.TotalSeconds:0.00} s, CPU {cpu:0.00} s, ok={verification.Ok}, {verification.HeadsChecked} heads, load {LoadAverage()}");
                if (!verification.Ok || verification.Count != total || verification.HeadsChecked != heads.Count)
                    result.Fact($"verification {(leanFirst ? "lean" : "one by one")} found the intact log intact: {verification.Message}", verification.Count, "entries", false);
            }
        }
        result.Fact($"verify {total:N0} entries, lean parallel, median of {rounds}", Statistics.Median(lean), "s");
        result.Fact($"verify, lean parallel, min..max", lean.Min(), $"s .. {lean.Max():0.00} s");
        result.Fact($"verify {total:N0} entries, one by one (before), median of {rounds}", Statistics.Median(oneByOne), "s");
        result.Fact($"verify, one by one (before), min..max", oneByOne.Min(), $"s .. {oneByOne.Max():0.00} s");
        result.Fact("verify, before / after (median)", Statistics.Median(oneByOne) / Statistics.Median(lean), "x");
        // On a shared machine the wall time is mostly waiting for a core; the CPU time is the work.
        result.Fact("verify CPU time, lean parallel (both cores), median", Statistics.Median(leanCpu), $"s (min..max {leanCpu.Min():0.00} .. {leanCpu.Max():0.00})");
        result.Fact("verify CPU time, one by one (before), median", Statistics.Median(oneByOneCpu), $"s (min..max {oneByOneCpu.Min():0.00} .. {oneByOneCpu.Max():0.00})");
        result.Fact($"verify on {Environment.ProcessorCount} idle cores (lean CPU time / cores), estimate", Statistics.Median(leanCpu) / Environment.ProcessorCount, "s");
        result.Fact($"verify entries/s, lean parallel", total / Statistics.Median(lean), "entries/s");
    }

    /// <summary>The verification as it was before the lean one: entities read one by one, each serialized and hashed on one thread.</summary>
    static async Task<LedgerVerification> OneByOneAsync(RegistrationDb db, IEnumerable<WitnessedRoot> heads, CancellationToken ct)
    {
        var published = await db.LedgerCheckpoints.AsNoTracking().Select(c => new LedgerCheckpointMark(c.Count, c.HeadHash)).ToListAsync(ct);
        var verifier = new LedgerLogVerifier(published, heads);
        await foreach (var entry in db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
            if (!verifier.Add(entry.Content(), entry.Hash))
                break;
        return verifier.Result();
    }

    /// <summary>Inclusion proofs of random leaves at each signed size (time, hashes), checked; a consistency proof across.</summary>
    static async Task ProofsAsync(BenchContext context, BenchResult result, string path, List<WitnessedRoot> heads, long[] sizes, long total, CancellationToken ct)
    {
        await using var db = Open(path);
        var random = new Random(42);
        const int proofs = 200;
        foreach (var size in sizes)
        {
            var root = Convert.FromHexString(heads.First(h => h.Size == size).RootHash);
            var timer = Stopwatch.StartNew();
            var hashes = 0;
            var longest = 0;
            var verified = true;
            for (var i = 0; i < proofs; i++)
            {
                var index = random.NextInt64(size);
                var proof = await LedgerTree.InclusionAsync(db, index, size, ct);
                hashes += proof.AuditPath.Count;
                longest = Math.Max(longest, proof.AuditPath.Count);
                if (i < 5)
                {
                    var entry = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Sequence == index + 1, ct);
                    verified &= Merkle.VerifyInclusion(index, size, entry.LeafHash(), proof.AuditPath, root);
                }
            }
            timer.Stop();
            var bound = (int)Math.Ceiling(Math.Log2(size));
            result.Fact($"inclusion proof at {size:N0} entries: time per proof", timer.Elapsed.TotalMilliseconds / proofs, "ms");
            result.Fact($"inclusion proof at {size:N0} entries: hashes, at most ceil(log2 n) = {bound}", longest, $"hashes ({longest * Merkle.HashSize} bytes; {hashes / (double)proofs:0.0} on average)", longest <= bound);
            result.Fact($"inclusion proofs at {size:N0} entries verify against the signed root", verified ? 1 : 0, "", verified);
        }
        if (sizes.Length > 1)
        {
            var (first, second) = (sizes[0], sizes[^1]);
            var timer = Stopwatch.StartNew();
            var growth = await LedgerTree.ConsistencyAsync(db, first, second, ct);
            timer.Stop();
            var holds = Merkle.VerifyConsistency(first, second, Convert.FromHexString(heads.First(h => h.Size == first).RootHash),
                Convert.FromHexString(heads.First(h => h.Size == second).RootHash), growth);
            result.Fact($"consistency proof {first:N0} -> {second:N0} entries ({growth.Count} hashes), verified", timer.Elapsed.TotalMilliseconds, "ms", holds);
        }
    }

    /// <summary>
    /// Appends one per transaction, as a submission appends its entry, on two copies of the file:
    /// with the tree and a head signed every Ledger:TreeHeadEveryEntries (the service's way), and the
    /// chain alone (the way before the tree), in alternate rounds; the ratio of each round's pair.
    /// </summary>
    static async Task AppendsAsync(BenchContext context, BenchResult result, string path, LedgerKeyStore keys, long total, int rounds, CancellationToken ct)
    {
        // 200 each way a round at full size; fewer for a small ledger (the smoke run).
        var AppendsPerRound = (int)Math.Clamp(total / 100, 10, 200);
        var every = LedgerSettings.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()).TreeHeadEveryEntries;
        var withTree = path + ".appends-tree.db";
        var chainOnly = path + ".appends-chain.db";
        SqliteConnection.ClearAllPools();
        foreach (var copy in new[] { withTree, chainOnly })
            await CopyAsync(path, copy, ct);
        try
        {
            var ratios = new List<double>();
            var cpuRatios = new List<double>();
            var treeRates = new List<double>();
            var chainRates = new List<double>();
            var treeCpu = new List<double>();
            var chainCpu = new List<double>();
            long next = total;
            long sinceHead = 0;
            for (var round = 0; round < rounds; round++)
            {
                // One append each way in turn (order alternating), so a swing of the machine's load falls on both.
                var wall = new double[2];
                var cpu = new double[2];
                for (var i = 0; i < 2 * AppendsPerRound; i++)
                {
                    var tree = (i + round) % 2 == 0;
                    var fact = Fact(next++);
                    var cpuBefore = CpuSeconds();
                    var timer = Stopwatch.StartNew();
                    await using (var db = Open(tree ? withTree : chainOnly))
                    {
                        await db.RetryInTransactionAsync(async c =>
                        {
                            if (tree)
                                await db.AppendAsync(fact, c);
                            else
                            {
                                // The append before the tree: the chain's head read, the entry chained after it.
                                var (sequence, hash) = await LedgerWriter.HeadAsync(db, c);
                                db.LedgerEntries.Add(LedgerEntry.Chain(fact, sequence + 1, hash));
                            }
                            await db.SaveChangesAsync(c);
                            return true;
                        }, ct);
                        // The heads' share: the publisher signs one every Ledger:TreeHeadEveryEntries entries.
                        if (tree && ++sinceHead >= every)
                        {
                            await db.SignAsync(keys, TimeProvider.System, onlyIfGrown: true, ct);
                            sinceHead = 0;
                        }
                    }
                    timer.Stop();
                    wall[tree ? 0 : 1] += timer.Elapsed.TotalSeconds;
                    cpu[tree ? 0 : 1] += CpuSeconds() - cpuBefore;
                }
                treeRates.Add(AppendsPerRound / wall[0]);
                chainRates.Add(AppendsPerRound / wall[1]);
                treeCpu.Add(cpu[0] / AppendsPerRound * 1e6);
                chainCpu.Add(cpu[1] / AppendsPerRound * 1e6);
                ratios.Add(wall[1] / wall[0]);
                cpuRatios.Add(cpu[1] / cpu[0]);
                context.Progress($"appends round {round + 1}: with tree and heads {treeRates[^1]:N0}/s ({treeCpu[^1]:N0} µs CPU each), chain only {chainRates[^1]:N0}/s ({chainCpu[^1]:N0} µs CPU each), rate ratio {ratios[^1]:0.000}, load {LoadAverage()}");
            }
            result.Fact($"appends per s with tree and heads (a head every {every:N0}) / chain only, median of {rounds} rounds of {AppendsPerRound} each way", Statistics.Median(ratios), $"(min..max {ratios.Min():0.000} .. {ratios.Max():0.000})");
            result.Fact("appends: CPU per append chain only / with tree and heads, median", Statistics.Median(cpuRatios), $"(min..max {cpuRatios.Min():0.000} .. {cpuRatios.Max():0.000})");
            result.Fact("appends with tree and heads, median", Statistics.Median(treeRates), $"per s, {Statistics.Median(treeCpu):N0} µs CPU each");
            result.Fact("appends chain only, median", Statistics.Median(chainRates), $"per s, {Statistics.Median(chainCpu):N0} µs CPU each");
            await using (var check = Open(withTree))
            {
                var verification = await check.VerifyLedgerAsync([], [], ct);
                result.Fact("the ledger with the appends verifies", verification.Count, "entries", verification.Ok);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var copy in new[] { withTree, chainOnly })
                foreach (var file in new[] { copy, copy + "-wal", copy + "-shm" })
                    File.Delete(file);
        }
    }

    /// <summary>A consistent copy of a WAL database (its log folded in first).</summary>
    static async Task CopyAsync(string from, string to, CancellationToken ct)
    {
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = from, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync(ct);
        }
        File.Copy(from, to, overwrite: true);
    }

    static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
