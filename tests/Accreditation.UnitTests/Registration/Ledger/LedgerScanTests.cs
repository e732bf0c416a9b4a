using System.Text;
using Accreditation.Registration.Data.Ledger;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.UnitTests.Registration.Ledger;

/// <summary>
/// The lean verification (raw rows, runs hashed in parallel, joined in order) finds exactly what the
/// one-by-one verification of the entities finds, finding for finding, wherever the runs split the
/// log: tamperings placed on and across run boundaries, with runs of 1, 2, 4 and 65,536 entries.
/// </summary>
public sealed class LedgerScanTests
{
    const string Tricky = "Quote \" backslash \\ tab \t newline \n bell \u0001 accents é ü 中文 emoji 😀 </script>";

    public static TheoryData<string> Tamperings => new()
    {
        "",
        "DELETE FROM LedgerEntries WHERE Sequence = 4;",
        "DELETE FROM LedgerEntries WHERE Sequence = 5;",
        "DELETE FROM LedgerEntries WHERE Sequence = 8;",
        "DELETE FROM LedgerEntries WHERE Sequence IN (4, 5);",
        "UPDATE LedgerEntries SET Sequence = -4 WHERE Sequence = 4; UPDATE LedgerEntries SET Sequence = 4 WHERE Sequence = 5; UPDATE LedgerEntries SET Sequence = 5 WHERE Sequence = -4;",
        "UPDATE LedgerEntries SET Sequence = -2 WHERE Sequence = 2; UPDATE LedgerEntries SET Sequence = 2 WHERE Sequence = 9; UPDATE LedgerEntries SET Sequence = 9 WHERE Sequence = -2;",
        "UPDATE LedgerEntries SET Sequence = -3 WHERE Sequence = 3;",
        "UPDATE LedgerEntries SET Reason = Reason || '.' WHERE Sequence = 6;",
        "UPDATE LedgerEntries SET Hash = upper(Hash) WHERE Sequence = 8;",
        "UPDATE LedgerEntries SET Details = '{\"note\":\"x\"}' WHERE Sequence = 12;",
        "UPDATE LedgerEntries SET CorrelationId = NULL WHERE Sequence = 13;",
        "DELETE FROM LedgerEntries WHERE Sequence >= 9;",
        // The same values written otherwise (lower-case ids, another time format): read as the entity reads them, still intact.
        "UPDATE LedgerEntries SET ApplicationId = lower(ApplicationId), At = replace(At, ' ', 'T') WHERE Sequence = 2;",
        // Bytes that are not UTF-8: decoded as a string would be, a change of content.
        "UPDATE LedgerEntries SET Reason = CAST(X'C328' AS TEXT) WHERE Sequence = 7;",
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task Runs_of_any_size_find_what_the_one_by_one_verification_finds(string tampering)
    {
        await using var database = await LedgerDatabase.CreateAsync();
        var keys = Path.Combine(Path.GetTempPath(), $"ledger-scan-keys-{Guid.NewGuid():N}");
        try
        {
            var heads = await SeedAsync(database, new LedgerKeyStore(keys, "ledger.test/accreditation"));
            if (tampering.Length > 0)
                await database.TamperAsync(tampering);

            var expected = await OneByOneAsync(database, heads);
            foreach (var runSize in new[] { 1, 2, 4, LedgerScan.RunSize })
            {
                await using var db = database.Open();
                var verifier = new LedgerLogVerifier([], heads);
                await LedgerScan.VerifyAsync(db, verifier, CancellationToken.None, runSize);
                Assert.Equal(expected, verifier.Result());
            }
            if (tampering.Length == 0)
                Assert.True(expected.Ok && expected.HeadsChecked == 2, expected.Message);
        }
        finally
        {
            if (Directory.Exists(keys))
                Directory.Delete(keys, recursive: true);
        }
    }

    [Fact]
    public async Task A_time_or_id_that_is_none_is_a_change_of_that_entry_for_runs_of_any_size()
    {
        // The entities cannot even be read here; the lean verification names the entry.
        await using var database = await LedgerDatabase.CreateAsync();
        await database.SeedAsync(applications: 5);
        await database.TamperAsync("UPDATE LedgerEntries SET At = 'not a time', ApplicationId = 'not a guid' WHERE Sequence = 3;");
        foreach (var runSize in new[] { 1, 2, 4, LedgerScan.RunSize })
        {
            await using var db = database.Open();
            var verifier = new LedgerLogVerifier([], []);
            await LedgerScan.VerifyAsync(db, verifier, CancellationToken.None, runSize);
            Assert.Equal((LedgerProblem.HashMismatch, 3L, 2L), (verifier.Result().Problem, verifier.Result().EntrySequence, verifier.Result().Count));
        }
    }

    [Fact]
    public void The_canonical_bytes_written_from_utf8_columns_are_those_of_the_canonical_string()
    {
        var content = new LedgerContent(12, LedgerHash.Genesis, "transition", Guid.NewGuid(), null, Guid.NewGuid(), Tricky, "officer",
            new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero).AddTicks(1234567), Tricky, null, "Eligible",
            LedgerHash.CanonicalDetails(new Dictionary<string, string> { ["grounds"] = Tricky, ["a\"b"] = "c\\d" }), null);
        var writer = new LedgerCanonicalWriter();
        static byte[] Utf8(string? text) => Encoding.UTF8.GetBytes(text ?? "");
        writer.Begin(content.Sequence);
        Assert.True(writer.Text(LedgerCanonicalWriter.PreviousHash, Utf8(content.PreviousHash), false)
            && writer.Text(LedgerCanonicalWriter.Kind, Utf8(content.Kind), false)
            && writer.Text(LedgerCanonicalWriter.ApplicationId, Utf8(LedgerHash.Id(content.ApplicationId)), false)
            && writer.Text(LedgerCanonicalWriter.OrganizationId, [], true)
            && writer.Text(LedgerCanonicalWriter.DialogueId, Utf8(LedgerHash.Id(content.DialogueId)), false)
            && writer.Text(LedgerCanonicalWriter.ActorSubject, Utf8(content.ActorSubject), false)
            && writer.Text(LedgerCanonicalWriter.ActorRole, Utf8(content.ActorRole), false)
            && writer.Text(LedgerCanonicalWriter.At, Utf8(LedgerHash.Time(content.At)), false)
            && writer.Text(LedgerCanonicalWriter.Reason, Utf8(content.Reason), false)
            && writer.Text(LedgerCanonicalWriter.StateBefore, [], true)
            && writer.Text(LedgerCanonicalWriter.StateAfter, Utf8(content.StateAfter), false)
            && writer.Raw(LedgerCanonicalWriter.Details, Utf8(content.Details))
            && writer.Text(LedgerCanonicalWriter.CorrelationId, [], true));
        Assert.Equal(Encoding.UTF8.GetString(Utf8(LedgerHash.Canonical(content))), Encoding.UTF8.GetString(writer.End()));
        // Not UTF-8: the writer says so, and the caller decodes the text as a string would be.
        Assert.False(writer.Text(LedgerCanonicalWriter.Reason, [0xC3, 0x28], false));
    }

    /// <summary>Five applications (11 entries), a head at 5 and at 14, and entries of awkward text between.</summary>
    static async Task<List<WitnessedRoot>> SeedAsync(LedgerDatabase database, LedgerKeyStore keys)
    {
        await database.SeedAsync(applications: 5);
        var heads = new List<WitnessedRoot>();
        await using (var db = database.Open())
        {
            await db.RetryInTransactionAsync(async ct =>
            {
                for (var i = 0; i < 3; i++)
                    await db.AppendAsync(new LedgerFact(LedgerKinds.Transition, Guid.NewGuid(), null, null, new Actor(Tricky, "officer"),
                        LedgerDatabase.Now.AddTicks(i * 1001), Tricky, null, "Eligible", new Dictionary<string, string> { ["grounds"] = Tricky }), ct);
                await db.SaveChangesAsync(ct);
                return true;
            }, CancellationToken.None);
            var head = (await db.SignAsync(keys, TimeProvider.System, onlyIfGrown: false, CancellationToken.None))!;
            heads.Add(new WitnessedRoot(head.Size, head.RootHash));
        }
        // A head inside the runs too: the root at 5 entries, from the entries one by one.
        var five = new LedgerLogVerifier([], []);
        await using (var db = database.Open())
            foreach (var entry in await db.LedgerEntries.AsNoTracking().Where(e => e.Sequence <= 5).OrderBy(e => e.Sequence).ToListAsync())
                five.Add(entry.Content(), entry.Hash);
        heads.Add(new WitnessedRoot(5, five.Result().RootHash));
        return heads;
    }

    /// <summary>The verification before the lean one: the entities read in order, one by one.</summary>
    static async Task<LedgerVerification> OneByOneAsync(LedgerDatabase database, IEnumerable<WitnessedRoot> heads)
    {
        await using var db = database.Open();
        var verifier = new LedgerLogVerifier([], heads);
        await foreach (var entry in db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable())
            if (!verifier.Add(entry.Content(), entry.Hash))
                break;
        return verifier.Result();
    }
}
