using System.Diagnostics;
using Accreditation.Registration.Data;
using Accreditation.Registration.Data.Ledger;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.Registration.Ledger;
using Accreditation.ServiceDefaults.Data;
using Accreditation.Transparency;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// Usage: dotnet run -c Release --project bench/LedgerBench [-- <entries> [<single appends>]]   (default 1,000,000 and 2,000)
// Builds a ledger with the service's append code (tree included), signs a head, verifies it against
// that head, times inclusion proofs at growing sizes, and times appends one per transaction (as a
// submission appends its entry).
var total = args is [var n, ..] ? long.Parse(n) : 1_000_000;
var singles = args is [_, var s, ..] ? int.Parse(s) : 2_000;
const int Batch = 10_000;
var folder = Path.Combine(Path.GetTempPath(), $"ledger-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(folder);
var path = Path.Combine(folder, "registration.db");
var connection = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
RegistrationDb Open() => new(new DbContextOptionsBuilder<RegistrationDb>().UseSqlite(connection).Options);
var actor = new Actor("officer-bench", "officer");
var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
LedgerFact Fact(long i) => new(LedgerKinds.Transition, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), actor,
    start.AddSeconds(i), "Found eligible", "Submitted", "Eligible", new Dictionary<string, string> { ["note"] = $"bench {i}" }, $"trace:{i:x32}");

try
{
    await using (var db = Open())
    {
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
    }

    Console.WriteLine($"Building a ledger of {total:N0} entries in {path} ...");
    var build = Stopwatch.StartNew();
    var sizes = new[] { 1_000L, 10_000L, 100_000L, total }.Where(x => x <= total).Distinct().ToArray();
    var keys = new LedgerKeyStore(Path.Combine(folder, "keys"), "bench.example/ledger");
    var heads = new List<WitnessedRoot>();
    for (long done = 0; done < total;)
    {
        await using var db = Open();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync();
        // Batches end at every size a head is signed at.
        var end = Math.Min(done + Batch, sizes.First(x => x > done));
        for (; done < end; done++)
            await db.AppendAsync(Fact(done), CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        if (sizes.Contains(done))
        {
            await using var signing = Open();
            var head = (await signing.SignAsync(keys, TimeProvider.System, onlyIfGrown: false, CancellationToken.None))!;
            heads.Add(new WitnessedRoot(head.Size, head.RootHash));
        }
    }
    build.Stop();
    Console.WriteLine($"built:     {total:N0} entries with their tree in {build.Elapsed.TotalSeconds:N1} s ({total / build.Elapsed.TotalSeconds:N0} entries/s), file {new FileInfo(path).Length / 1024.0 / 1024.0:N0} MB");

    await using (var db = Open())
    {
        var verify = Stopwatch.StartNew();
        var result = await db.VerifyLedgerAsync([], heads, CancellationToken.None);
        verify.Stop();
        Console.WriteLine($"verified:  {result.Count:N0} entries (chain and tree, against {result.HeadsChecked} heads) in {verify.Elapsed.TotalSeconds:N2} s ({result.Count / verify.Elapsed.TotalSeconds:N0} entries/s), ok={result.Ok}, root {result.RootHash}");
        if (!result.Ok)
        {
            Console.WriteLine(result.Message);
            return 1;
        }
    }

    // Where the time goes: reading the rows alone, and hashing alone.
    await using (var db = Open())
    {
        var tree = Stopwatch.StartNew();
        var sequential = new MerkleFrontier();
        var digest = new byte[32];
        for (long i = 0; i < total; i++)
            sequential.Append(Merkle.LeafHash(digest));
        tree.Stop();
        var read = Stopwatch.StartNew();
        long rows = 0;
        await foreach (var entry in db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable())
            rows += entry.Sequence > 0 ? 1 : 0;
        read.Stop();
        var content = new LedgerContent(1, LedgerHash.Genesis, LedgerKinds.Transition, Guid.Empty, Guid.Empty, Guid.Empty,
            actor.Subject, actor.Role, start, "Found eligible", "Submitted", "Eligible", "{\"note\":\"bench\"}", "trace:0");
        var hashing = Stopwatch.StartNew();
        var frontier = new MerkleFrontier();
        for (long i = 0; i < total; i++)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(LedgerHash.Canonical(content));
            System.Security.Cryptography.SHA256.HashData(bytes);
            frontier.Append(Merkle.LeafHash(bytes));
        }
        hashing.Stop();
        Console.WriteLine($"  of which: reading {rows:N0} rows {read.Elapsed.TotalSeconds:N2} s; serializing and hashing (chain, leaf, tree) {hashing.Elapsed.TotalSeconds:N2} s, of which the tree alone {tree.Elapsed.TotalSeconds:N2} s");
    }

    await using (var db = Open())
    {
        var random = new Random(42);
        foreach (var size in sizes)
        {
            const int proofs = 200;
            var root = Convert.FromHexString(heads.Single(h => h.Size == size).RootHash);
            var timer = Stopwatch.StartNew();
            var hashes = 0;
            for (var i = 0; i < proofs; i++)
            {
                var index = random.NextInt64(size);
                var proof = await LedgerTree.InclusionAsync(db, index, size, CancellationToken.None);
                hashes += proof.AuditPath.Count;
                if (i == 0)
                {
                    var entry = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Sequence == index + 1);
                    if (!Merkle.VerifyInclusion(index, size, entry.LeafHash(), proof.AuditPath, root))
                        throw new InvalidOperationException($"The proof of leaf {index} at {size} does not verify.");
                }
            }
            timer.Stop();
            Console.WriteLine($"inclusion: at {size,9:N0} entries: {timer.Elapsed.TotalMilliseconds / proofs:N2} ms per proof, {hashes / (double)proofs:N1} hashes ({hashes * 32.0 / proofs:N0} bytes) on average, at most {Math.Ceiling(Math.Log2(size))}");
        }
        var consistency = Stopwatch.StartNew();
        var growth = await LedgerTree.ConsistencyAsync(db, sizes[0], total, CancellationToken.None);
        consistency.Stop();
        Console.WriteLine($"consistency: {sizes[0]:N0} -> {total:N0} entries: {growth.Count} hashes in {consistency.Elapsed.TotalMilliseconds:N1} ms");
    }

    // One entry per transaction, as each submission appends its own (the tree's share of an append).
    var appends = Stopwatch.StartNew();
    for (var i = 0; i < singles; i++)
    {
        await using var db = Open();
        await db.RetryInTransactionAsync(async ct =>
        {
            await db.AppendAsync(Fact(total + i), ct);
            await db.SaveChangesAsync(ct);
            return true;
        }, CancellationToken.None);
    }
    appends.Stop();
    Console.WriteLine($"appends:   {singles:N0} single-entry transactions after {total:N0} entries in {appends.Elapsed.TotalSeconds:N1} s ({singles / appends.Elapsed.TotalSeconds:N0} per s)");
    return 0;
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}
