using System.Diagnostics;
using Accreditation.Registration.Data;
using Accreditation.Registration.Data.Ledger;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// Usage: dotnet run -c Release --project bench/LedgerBench [-- <entries>]   (default 1,000,000)
var total = args is [var n, ..] ? long.Parse(n) : 1_000_000;
const int Batch = 10_000;
var path = Path.Combine(Path.GetTempPath(), $"ledger-bench-{Guid.NewGuid():N}.db");
var connection = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
RegistrationDb Open() => new(new DbContextOptionsBuilder<RegistrationDb>().UseSqlite(connection).Options);

try
{
    await using (var db = Open())
    {
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
    }

    Console.WriteLine($"Building a ledger of {total:N0} entries in {path} ...");
    var build = Stopwatch.StartNew();
    var actor = new Actor("officer-bench", "officer");
    var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    for (long done = 0; done < total;)
    {
        await using var db = Open();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync();
        for (var i = 0; i < Batch && done < total; i++, done++)
            await db.AppendAsync(new LedgerFact(LedgerKinds.Transition, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), actor,
                start.AddSeconds(done), "Found eligible", "Submitted", "Eligible",
                new Dictionary<string, string> { ["note"] = $"bench {done}" }, $"trace:{done:x32}"), CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
    build.Stop();
    Console.WriteLine($"built:    {total:N0} entries in {build.Elapsed.TotalSeconds:N1} s ({total / build.Elapsed.TotalSeconds:N0} entries/s), file {new FileInfo(path).Length / 1024.0 / 1024.0:N0} MB");

    await using (var db = Open())
    {
        var verify = Stopwatch.StartNew();
        var result = await db.VerifyLedgerAsync([], CancellationToken.None);
        verify.Stop();
        Console.WriteLine($"verified: {result.Count:N0} entries in {verify.Elapsed.TotalSeconds:N1} s ({result.Count / verify.Elapsed.TotalSeconds:N0} entries/s), ok={result.Ok}, head {result.HeadHash}");
        if (!result.Ok)
        {
            Console.WriteLine(result.Message);
            return 1;
        }
    }

    // The hashing alone, without SQLite and EF, to show where the time goes.
    var hashOnly = Stopwatch.StartNew();
    var previous = LedgerHash.Genesis;
    for (long s = 1; s <= total; s++)
        previous = LedgerHash.Compute(new LedgerContent(s, previous, LedgerKinds.Transition, Guid.Empty, Guid.Empty, Guid.Empty,
            actor.Subject, actor.Role, start, "Found eligible", "Submitted", "Eligible", "{\"note\":\"bench\"}", "trace:0"));
    hashOnly.Stop();
    Console.WriteLine($"hashing:  {total:N0} canonical hashes in {hashOnly.Elapsed.TotalSeconds:N1} s ({total / hashOnly.Elapsed.TotalSeconds:N0} entries/s)");
    return 0;
}
finally
{
    foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        File.Delete(file);
}
