using System.Text;
using Accreditation.Registration.Data.Ledger;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.UnitTests.Registration.Ledger;

/// <summary>The proof: tampering with the real SQLite file is detected and the report names the entry.</summary>
public sealed class LedgerTamperTests : IAsyncLifetime
{
    LedgerDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await LedgerDatabase.CreateAsync();
        await _database.SeedAsync(applications: 5); // 11 entries
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Every_status_change_and_recorded_fact_is_one_entry_of_an_intact_chain()
    {
        var result = await _database.VerifyAsync();
        Assert.True(result.Ok, result.Message);
        Assert.Equal(11, result.Count);
        await using var db = _database.Open();
        Assert.Equal(await db.StatusChanges.CountAsync() + 1, await db.LedgerEntries.CountAsync());
        var screening = await db.LedgerEntries.SingleAsync(e => e.Sequence == 2);
        Assert.Equal(("transition", "Submitted", "Eligible", "officer-1", "officer", "marker-02"),
            (screening.Kind, screening.StateBefore, screening.StateAfter, screening.ActorSubject, screening.ActorRole, screening.Reason));
        Assert.NotNull(screening.OrganizationId);
        Assert.NotNull(screening.DialogueId);
    }

    [Fact]
    public async Task Changing_one_byte_of_one_entry_in_the_file_is_a_hash_mismatch_naming_that_entry()
    {
        // Entry 6 carries the correlation "request-06", found nowhere else: flip one byte of it in the file itself.
        await _database.ChangeOneByteAtAsync("request-06");

        var result = await _database.VerifyAsync();
        Assert.False(result.Ok);
        Assert.Equal((LedgerProblem.HashMismatch, 6L), (result.Problem, result.EntrySequence));
        Assert.Contains("Entry 6", result.Message);
    }

    [Fact]
    public async Task Deleting_an_entry_is_reported_as_that_entry_missing()
    {
        await _database.TamperAsync("DELETE FROM LedgerEntries WHERE Sequence = 4;");
        var result = await _database.VerifyAsync();
        Assert.Equal((false, LedgerProblem.MissingEntry, 4L), (result.Ok, result.Problem, result.EntrySequence));
    }

    [Fact]
    public async Task Swapping_two_entries_breaks_the_chain_at_the_first_swapped_place()
    {
        await _database.TamperAsync(
            "UPDATE LedgerEntries SET Sequence = -3 WHERE Sequence = 3; " +
            "UPDATE LedgerEntries SET Sequence = 3 WHERE Sequence = 8; " +
            "UPDATE LedgerEntries SET Sequence = 8 WHERE Sequence = -3;");
        var result = await _database.VerifyAsync();
        Assert.Equal((false, LedgerProblem.ChainBroken, 3L), (result.Ok, result.Problem, result.EntrySequence));
    }

    [Fact]
    public async Task Truncating_the_tail_and_re_appending_is_caught_by_the_checkpoint_published_before()
    {
        await using (var db = _database.Open())
        {
            var checkpoint = await db.CheckpointAsync(TimeProvider.System, onlyIfGrown: false, CancellationToken.None);
            Assert.Equal(11, checkpoint!.Count);
            // Nothing goes out for a checkpoint: the witness is sent signed tree heads, which cover the chain too.
            Assert.Equal(0, await db.Set<Accreditation.ServiceDefaults.Messaging.OutboxMessage>().CountAsync());
        }
        var published = await _database.VerifyAsync();
        Assert.True(published.Ok);

        await _database.TamperAsync("DELETE FROM LedgerEntries WHERE Sequence >= 9;");
        await using (var db = _database.Open())
        {
            // What the service does when restarted on the shortened file.
            await LedgerTree.RepairAsync(db, CancellationToken.None);
            await db.RetryInTransactionAsync(async ct =>
            {
                for (var i = 0; i < 4; i++)
                    await db.AppendAsync(new LedgerFact(LedgerKinds.Transition, null, null, null, new Actor("intruder", "officer"),
                        LedgerDatabase.Now, $"Forged {i}"), ct);
                await db.SaveChangesAsync(ct);
                return true;
            }, CancellationToken.None);
        }

        var result = await _database.VerifyAsync();
        Assert.Equal((false, LedgerProblem.CheckpointMismatch, 11L), (result.Ok, result.Problem, result.EntrySequence));

        // Even with the service's own checkpoint rows removed, a copy held elsewhere still proves it.
        await _database.ExecuteAsync("DELETE FROM LedgerCheckpoints;");
        Assert.True((await _database.VerifyAsync()).Ok, "without any checkpoint the rewritten chain is consistent");
        var external = await _database.VerifyAsync(new LedgerCheckpointMark(published.Count, published.HeadHash));
        Assert.Equal((LedgerProblem.CheckpointMismatch, 11L), (external.Problem, external.EntrySequence));
    }

    [Fact]
    public async Task Truncating_the_tail_without_re_appending_reports_the_first_missing_entry()
    {
        var published = await _database.VerifyAsync();
        await _database.TamperAsync("DELETE FROM LedgerEntries WHERE Sequence >= 9;");
        var result = await _database.VerifyAsync(new LedgerCheckpointMark(published.Count, published.HeadHash));
        Assert.Equal((LedgerProblem.MissingEntry, 9L), (result.Problem, result.EntrySequence));
    }

    [Fact]
    public async Task The_database_itself_refuses_to_update_or_delete_an_entry()
    {
        var update = await Assert.ThrowsAsync<SqliteException>(() => _database.ExecuteAsync("UPDATE LedgerEntries SET Reason = 'x' WHERE Sequence = 1;"));
        Assert.Contains("append-only", update.Message);
        var delete = await Assert.ThrowsAsync<SqliteException>(() => _database.ExecuteAsync("DELETE FROM LedgerEntries;"));
        Assert.Contains("append-only", delete.Message);
    }

    [Fact]
    public async Task The_service_code_refuses_to_save_a_changed_or_removed_entry()
    {
        await using var db = _database.Open();
        var entry = await db.LedgerEntries.FirstAsync();
        db.LedgerEntries.Remove(entry);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Concurrent_writers_never_fork_the_chain()
    {
        async Task AppendManyAsync(string who)
        {
            for (var i = 0; i < 15; i++)
            {
                await using var db = _database.Open();
                await db.RetryInTransactionAsync(async ct =>
                {
                    await db.AppendAsync(new LedgerFact(LedgerKinds.Transition, null, null, null, new Actor(who, "officer"), LedgerDatabase.Now, $"{who} {i}"), ct);
                    await db.SaveChangesAsync(ct);
                    return true;
                }, CancellationToken.None);
            }
        }

        await Task.WhenAll(Task.Run(() => AppendManyAsync("a")), Task.Run(() => AppendManyAsync("b")), Task.Run(() => AppendManyAsync("c")));

        var result = await _database.VerifyAsync();
        Assert.True(result.Ok, result.Message);
        Assert.Equal(11 + 45, result.Count);
    }

    [Fact]
    public async Task An_exported_json_file_verifies_on_its_own_and_an_edited_export_names_the_entry()
    {
        var expected = await _database.VerifyAsync();
        using var export = new MemoryStream();
        await using (var db = _database.Open())
            await LedgerExport.WriteAsync(db, LedgerExportFormat.Json, export, CancellationToken.None);

        export.Position = 0;
        var result = await ExportedLedgerEntry.VerifyAsync(export, [], CancellationToken.None);
        Assert.True(result.Ok, result.Message);
        Assert.Equal((expected.Count, expected.HeadHash), (result.Count, result.HeadHash));

        var edited = Encoding.UTF8.GetString(export.ToArray()).Replace("Out of scope", "Out of scopf");
        var tampered = await ExportedLedgerEntry.VerifyAsync(new MemoryStream(Encoding.UTF8.GetBytes(edited)), [], CancellationToken.None);
        Assert.Equal((LedgerProblem.HashMismatch, 11L), (tampered.Problem, tampered.EntrySequence));
    }

    [Fact]
    public async Task The_csv_export_has_a_header_the_hashes_and_neutralizes_formulas()
    {
        await using (var db = _database.Open())
            await db.RetryInTransactionAsync(async ct =>
            {
                await db.AppendAsync(new LedgerFact(LedgerKinds.Transition, null, null, null, new Actor("user-1", "organization"),
                    LedgerDatabase.Now, "=HYPERLINK(\"http://evil\")"), ct);
                await db.SaveChangesAsync(ct);
                return true;
            }, CancellationToken.None);
        using var export = new MemoryStream();
        await using (var db = _database.Open())
            await LedgerExport.WriteAsync(db, LedgerExportFormat.Csv, export, CancellationToken.None);

        var lines = Encoding.UTF8.GetString(export.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("sequence,previous_hash,hash,kind,", lines[0]);
        Assert.Equal(13, lines.Length);
        Assert.StartsWith($"1,{LedgerHash.Genesis},", lines[1]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", lines[^1]);
    }
}
