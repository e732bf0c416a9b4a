using System.Text;
using Accreditation.Notifications.Domain;
using Accreditation.Registration.Data;
using Accreditation.Registration.Data.Ledger;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Data;
using Accreditation.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.UnitTests.Registration.Ledger;

/// <summary>
/// The proof on the real SQLite file, triggers dropped first: every tampering is detected
/// and located, both by the service's verification against heads a witness took earlier and by the
/// offline verifier's code reading an export, even with the checkpoints and heads in the file removed.
/// </summary>
public sealed class TransparencyLogTests : IAsyncLifetime
{
    readonly string _keys = Path.Combine(Path.GetTempPath(), $"ledger-keys-{Guid.NewGuid():N}");
    LedgerDatabase _database = null!;
    LedgerKeyStore _keyStore = null!;
    // What the witness holds: the heads signed at 5 and at 11 entries, taken before any tampering.
    readonly List<WitnessedRoot> _witness = [];

    public async Task InitializeAsync()
    {
        _keyStore = new LedgerKeyStore(_keys, "ledger.test/accreditation");
        _database = await LedgerDatabase.CreateAsync();
        await _database.SeedAsync(applications: 2); // 5 entries
        _witness.Add(await SignAsync());
        await AppendAsync(6, "Recorded"); // 11 entries
        _witness.Add(await SignAsync());
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_keys))
            Directory.Delete(_keys, recursive: true);
    }

    async Task<WitnessedRoot> SignAsync()
    {
        await using var db = _database.Open();
        var head = (await db.SignAsync(_keyStore, TimeProvider.System, onlyIfGrown: false, CancellationToken.None))!;
        var opened = SignedNote.Open(head.Note, _keyStore.All().Select(k => k.Key), out _, out var problem);
        Assert.True(opened is not null, problem);
        return new WitnessedRoot(opened.Size, opened.RootHex);
    }

    async Task AppendAsync(int count, string reason, string actor = "officer-2")
    {
        await using var db = _database.Open();
        await db.RetryInTransactionAsync(async ct =>
        {
            for (var i = 0; i < count; i++)
                await db.AppendAsync(new LedgerFact(LedgerKinds.Transition, null, null, null, new Actor(actor, "officer"),
                    LedgerDatabase.Now.AddHours(2), $"{reason} {i}"), ct);
            await db.SaveChangesAsync(ct);
            return true;
        }, CancellationToken.None);
    }

    /// <summary>The service's verification and the offline verifier's, on an export of the same file, against the witness's heads.</summary>
    async Task<(LedgerVerification Service, LedgerVerification Offline)> VerifyBothAsync()
    {
        await using var db = _database.Open();
        var service = await db.VerifyLedgerAsync([], _witness, CancellationToken.None);
        using var export = new MemoryStream();
        await LedgerExport.WriteAsync(db, LedgerExportFormat.Json, export, CancellationToken.None);
        export.Position = 0;
        var offline = await ExportedLedgerEntry.VerifyAsync(export, [], _witness, CancellationToken.None);
        return (service, offline);
    }

    /// <summary>What an intruder with the file does to cover a truncation: removes what the service kept of its own history.</summary>
    Task RemoveOwnHistoryAsync() => _database.ExecuteAsync(
        "DROP TRIGGER IF EXISTS SignedTreeHeads_NoDelete; DELETE FROM SignedTreeHeads; DELETE FROM LedgerCheckpoints;");

    [Fact]
    public async Task An_intact_log_matches_every_witnessed_head_and_proves_each_entry_and_its_growth()
    {
        var (service, offline) = await VerifyBothAsync();
        Assert.True(service.Ok, service.Message);
        Assert.True(offline.Ok, offline.Message);
        Assert.Equal((11L, 2), (service.Count, service.HeadsChecked));
        Assert.Equal(_witness[1].RootHash, service.RootHash);

        await using var db = _database.Open();
        var root = Convert.FromHexString(_witness[1].RootHash);
        foreach (var entry in await db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync())
        {
            var proof = await LedgerTree.InclusionAsync(db, entry.Sequence - 1, 11, CancellationToken.None);
            Assert.True(Merkle.VerifyInclusion(proof.LeafIndex, 11, entry.LeafHash(), proof.AuditPath, root), $"entry {entry.Sequence}");
        }
        var growth = await LedgerTree.ConsistencyAsync(db, 5, 11, CancellationToken.None);
        Assert.True(Merkle.VerifyConsistency(5, 11, Convert.FromHexString(_witness[0].RootHash), root, growth));
    }

    [Fact]
    public async Task One_byte_changed_in_the_file_is_a_hash_mismatch_at_that_entry()
    {
        await _database.ChangeOneByteAtAsync("request-03");

        var (service, offline) = await VerifyBothAsync();
        Assert.Equal((LedgerProblem.HashMismatch, 3L), (service.Problem, service.EntrySequence));
        Assert.Equal((LedgerProblem.HashMismatch, 3L), (offline.Problem, offline.EntrySequence));
    }

    [Fact]
    public async Task An_entry_deleted_is_reported_missing_by_its_sequence()
    {
        await _database.TamperAsync("DELETE FROM LedgerEntries WHERE Sequence = 7;");
        var (service, offline) = await VerifyBothAsync();
        Assert.Equal((LedgerProblem.MissingEntry, 7L), (service.Problem, service.EntrySequence));
        Assert.Equal((LedgerProblem.MissingEntry, 7L), (offline.Problem, offline.EntrySequence));
    }

    [Fact]
    public async Task Two_entries_swapped_break_the_chain_at_the_first_swapped_place()
    {
        await _database.TamperAsync(
            "UPDATE LedgerEntries SET Sequence = -2 WHERE Sequence = 2; UPDATE LedgerEntries SET Sequence = 2 WHERE Sequence = 9; UPDATE LedgerEntries SET Sequence = 9 WHERE Sequence = -2;");
        var (service, offline) = await VerifyBothAsync();
        Assert.Equal((LedgerProblem.ChainBroken, 2L), (service.Problem, service.EntrySequence));
        Assert.Equal((LedgerProblem.ChainBroken, 2L), (offline.Problem, offline.EntrySequence));
    }

    [Fact]
    public async Task The_tail_truncated_with_the_file_s_checkpoints_and_heads_removed_is_caught_by_the_witness_naming_the_missing_range()
    {
        await _database.TamperAsync("DELETE FROM LedgerEntries WHERE Sequence >= 9;");
        await RemoveOwnHistoryAsync();
        await using (var db = _database.Open())
        {
            // Without the witness the shortened chain looks whole: that is the issue.
            Assert.True((await db.VerifyLedgerAsync([], CancellationToken.None)).Ok);
        }

        var (service, offline) = await VerifyBothAsync();
        foreach (var result in new[] { service, offline })
        {
            Assert.Equal((false, LedgerProblem.Truncated, 11L, (9L, 11L)), (result.Ok, result.Problem, result.WitnessedSize, result.Range));
            Assert.Contains("entries 9 to 11 are missing", result.Message);
        }
    }

    [Fact]
    public async Task A_fork_truncated_and_re_appended_is_inconsistent_with_the_witness_between_the_last_matching_head_and_the_first_failing()
    {
        await _database.TamperAsync("DELETE FROM LedgerEntries WHERE Sequence >= 9;");
        await RemoveOwnHistoryAsync();
        await using (var db = _database.Open())
            await LedgerTree.RepairAsync(db, CancellationToken.None); // the service restarted on the shortened file
        await AppendAsync(5, "Forged", actor: "intruder");

        var (service, offline) = await VerifyBothAsync();
        foreach (var result in new[] { service, offline })
        {
            Assert.Equal((false, LedgerProblem.InconsistentWithWitness, 11L, (6L, 11L)), (result.Ok, result.Problem, result.WitnessedSize, result.Range));
            Assert.Equal(6L, result.EntrySequence);
        }

        // And the head the forked log signs next is refused by the witness's rules, with the log's own proof.
        var forkedHead = await SignAsync();
        await using var forked = _database.Open();
        var proof = await LedgerTree.ConsistencyAsync(forked, 11, forkedHead.Size, CancellationToken.None);
        var judgement = LedgerWitnessRules.Judge(new HeldHead(11, _witness[1].RootHash),
            new TreeHead("ledger.test/accreditation", forkedHead.Size, Convert.FromHexString(forkedHead.RootHash), DateTimeOffset.UtcNow), new ConsistencyAnswer(proof));
        Assert.Equal(WitnessVerdict.Inconsistent, judgement.Verdict);
    }

    [Fact]
    public async Task Heads_at_sizes_1_2_7_1000_and_100000_are_pairwise_consistent_and_a_forked_log_is_not()
    {
        await using var database = await LedgerDatabase.CreateAsync();
        var heads = new List<(long Size, byte[] Root)>();
        long appended = 0;
        foreach (var size in new long[] { 1, 2, 7, 1_000, 100_000 })
        {
            while (appended < size)
            {
                await using var db = database.Open();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                await using var transaction = await db.Database.BeginTransactionAsync();
                for (var i = 0; i < 10_000 && appended < size; i++, appended++)
                    await db.AppendAsync(new LedgerFact(LedgerKinds.Transition, null, null, null, new Actor("officer-1", "officer"),
                        LedgerDatabase.Now, $"Fact {appended}"), CancellationToken.None);
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
            await using (var db = database.Open())
            {
                var head = (await db.SignAsync(_keyStore, TimeProvider.System, onlyIfGrown: false, CancellationToken.None))!;
                heads.Add((head.Size, Convert.FromHexString(head.RootHash)));
            }
        }
        await using (var db = database.Open())
        {
            foreach (var (first, firstRoot) in heads)
                foreach (var (second, secondRoot) in heads.Where(h => h.Size >= first))
                {
                    var proof = await LedgerTree.ConsistencyAsync(db, first, second, CancellationToken.None);
                    Assert.True(Merkle.VerifyConsistency(first, second, firstRoot, secondRoot, proof), $"{first} -> {second}");
                }
            // The tree the service stores is the tree of the entries.
            var verified = await db.VerifyLedgerAsync([], heads.Select(h => new WitnessedRoot(h.Size, Convert.ToHexStringLower(h.Root))), CancellationToken.None);
            Assert.True(verified.Ok, verified.Message);
            Assert.Equal(5, verified.HeadsChecked);
        }

        // Fork: entry 500 rewritten (its hash recomputed so the chain alone cannot tell), then the tree rebuilt.
        await database.TamperAsync("DELETE FROM LedgerEntries WHERE Sequence >= 500;");
        await using (var db = database.Open())
            await LedgerTree.RepairAsync(db, CancellationToken.None);
        await using (var db = database.Open())
        {
            await db.RetryInTransactionAsync(async ct =>
            {
                for (var i = 0; i < 600; i++)
                    await db.AppendAsync(new LedgerFact(LedgerKinds.Transition, null, null, null, new Actor("intruder", "officer"), LedgerDatabase.Now, $"Forged {i}"), ct);
                await db.SaveChangesAsync(ct);
                return true;
            }, CancellationToken.None);
            var forkedRoot = await LedgerTree.RootAsync(db, 1_000, CancellationToken.None);
            Assert.NotEqual(heads[3].Root, forkedRoot);
            foreach (var (first, firstRoot) in heads.Where(h => h.Size < 500))
            {
                var proof = await LedgerTree.ConsistencyAsync(db, first, 1_000, CancellationToken.None);
                Assert.True(Merkle.VerifyConsistency(first, 1_000, firstRoot, forkedRoot, proof), "the untouched prefix still extends");
            }
            var fromWitnessed = await LedgerTree.ConsistencyAsync(db, 7, 1_000, CancellationToken.None);
            Assert.False(Merkle.VerifyConsistency(7, 1_000, heads[2].Root, heads[3].Root, fromWitnessed),
                "a proof from the forked log does not join the heads taken before the fork");
        }
    }

    [Fact]
    public void Every_verification_problem_maps_to_the_contract_s_by_name_both_ways()
    {
        foreach (var problem in Enum.GetValues<LedgerProblem>().Where(p => p != LedgerProblem.None))
        {
            var contract = (Accreditation.Registration.V1.VerificationProblem)(int)problem;
            Assert.Equal(problem.ToString(), contract.ToString());
            Assert.Equal(problem, (LedgerProblem)(int)contract);
        }
        Assert.Equal(Enum.GetValues<LedgerProblem>().Length, Enum.GetValues<Accreditation.Registration.V1.VerificationProblem>().Length);
    }
}
