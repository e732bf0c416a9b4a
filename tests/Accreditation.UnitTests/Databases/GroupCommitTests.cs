using Accreditation.Contracts;
using Accreditation.Registration.Data;
using Accreditation.Registration.Data.Ledger;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Messaging;
using Accreditation.Tests.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.UnitTests.Databases;

/// <summary>
/// Group commit (submissions and screenings) keeps every caller's answer true: told OK only once
/// its change is committed, told an error only when nothing of it is, whatever happens to the others
/// of its batch or to the batch's COMMIT. Each test holds a first batch open ("the door") so that the
/// units it then queues form one batch of their own.
/// </summary>
public sealed class GroupCommitTests(SqliteDatabases databases) : IClassFixture<SqliteDatabases>
{
    static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    const string TakenKey = "a key one unit takes";

    [Fact]
    public async Task A_unit_that_fails_after_saving_leaves_nothing_and_the_units_after_it_chain_to_the_one_before()
    {
        var (replica, _) = await RegistrationAsync();
        var group = new GroupCommit<RegistrationDb>(replica.GetRequiredService<IServiceScopeFactory>());
        var before = await CountAsync(replica);

        var door = await Door.OpenAsync(group);
        var units = Enumerable.Range(0, 6).Select(i => group.RunAsync(async (db, ct) =>
        {
            var sequence = await AppendAsync(db, $"saved then refused {i}", ct);
            // Saved inside its savepoint (entry, tree nodes, inbox row, outbox row), then refused.
            return i == 2 ? throw new InvalidOperationException("unit 2 refused after its save") : sequence;
        }, CancellationToken.None)).ToList();
        await door.CloseAsync();
        await Settled(units);

        Assert.Equal("unit 2 refused after its save", (await Assert.ThrowsAsync<InvalidOperationException>(() => units[2])).Message);
        Assert.Equal(Enumerable.Range((int)before + 1, 5).Select(i => (long)i), units.Where((_, i) => i != 2).Select(u => u.Result));
        await using var check = ProviderDatabases.Open<RegistrationDb>(replica);
        Assert.False(await check.LedgerEntries.AnyAsync(e => e.Reason == "saved then refused 2"));
        Assert.False(await check.Set<InboxMessage>().AnyAsync(m => m.Consumer == "saved then refused 2"));
        Assert.Equal(5, await check.Set<InboxMessage>().CountAsync(m => m.Consumer.StartsWith("saved then refused")));
        Assert.Equal(5, await check.Set<OutboxMessage>().CountAsync(m => m.Payload.Contains("saved then refused")));
        await AssertLedgerVerifiesAsync(check, before + 5);
    }

    [Fact]
    public async Task When_the_batchs_commit_fails_every_unit_runs_again_alone_and_is_committed_once()
    {
        var (replica, commits) = await RegistrationAsync();
        var group = new GroupCommit<RegistrationDb>(replica.GetRequiredService<IServiceScopeFactory>());
        var before = await CountAsync(replica);

        var door = await Door.OpenAsync(group);
        var units = Enumerable.Range(0, 8).Select(i => group.RunAsync(
            (db, ct) => AppendAsync(db, $"rerun {i}", ct), CancellationToken.None)).ToList();
        // The door's batch commits; the next COMMIT, the eight's, fails as a full disk would fail it.
        commits.FailOne(after: 1);
        await door.CloseAsync();
        await Settled(units);

        Assert.All(units, u => Assert.True(u.IsCompletedSuccessfully, u.Exception?.ToString()));
        Assert.Equal(1, commits.Failed);
        await using var check = ProviderDatabases.Open<RegistrationDb>(replica);
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(1, await check.LedgerEntries.CountAsync(e => e.Reason == $"rerun {i}"));
            Assert.Equal(1, await check.Set<InboxMessage>().CountAsync(m => m.Consumer == $"rerun {i}"));
        }
        Assert.Equal(8, await check.Set<OutboxMessage>().CountAsync(m => m.Payload.Contains("\"rerun ")));
        Assert.Equal(Enumerable.Range((int)before + 1, 8).Select(i => (long)i), units.Select(u => u.Result).Order());
        await AssertLedgerVerifiesAsync(check, before + 8);
    }

    [Fact]
    public async Task A_unit_refused_for_what_an_uncommitted_unit_wrote_is_not_told_so_when_that_unit_is_undone()
    {
        var (replica, commits) = await RegistrationAsync();
        var group = new GroupCommit<RegistrationDb>(replica.GetRequiredService<IServiceScopeFactory>());
        var taken = Guid.NewGuid();
        using var firstCaller = new CancellationTokenSource();

        var door = await Door.OpenAsync(group);
        // The first takes the key; the second, behind it in the batch, is refused as its duplicate.
        var first = group.RunAsync((db, ct) => AppendAsync(db, "first to take the key", ct, taken), firstCaller.Token);
        var second = group.RunAsync((db, ct) => AppendAsync(db, "second to take the key", ct, taken), CancellationToken.None);
        // The batch's COMMIT fails, and the first's caller gives up meanwhile: its change is never made.
        commits.FailOne(after: 1, then: firstCaller.Cancel);
        await door.CloseAsync();
        await Settled([first, second]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.True(second.IsCompletedSuccessfully, second.Exception?.ToString());
        await using var check = ProviderDatabases.Open<RegistrationDb>(replica);
        Assert.Equal(1, await check.Set<InboxMessage>().CountAsync(m => m.MessageId == taken));
        Assert.Equal(["second to take the key"], await check.LedgerEntries.Where(e => e.Reason.EndsWith("to take the key")).Select(e => e.Reason).ToListAsync());
    }

    [Fact]
    public async Task No_unit_is_answered_before_its_batch_has_committed_not_even_a_refused_one()
    {
        var (replica, commits) = await RegistrationAsync();
        var group = new GroupCommit<RegistrationDb>(replica.GetRequiredService<IServiceScopeFactory>());
        var taken = Guid.NewGuid();

        var door = await Door.OpenAsync(group);
        var units = Enumerable.Range(0, 5).Select(i => group.RunAsync(
            (db, ct) => AppendAsync(db, $"held {i}", ct, i == 3 ? taken : null), CancellationToken.None)).ToList();
        var duplicate = group.RunAsync((db, ct) => AppendAsync(db, "held duplicate", ct, taken), CancellationToken.None);
        var committing = commits.HoldOne(after: 1);
        var committedBefore = commits.Committed;
        await door.CloseAsync();
        await committing.Reached.WaitAsync(Patience);

        Assert.All(units, u => Assert.False(u.IsCompleted));
        Assert.False(duplicate.IsCompleted);
        committing.Release();
        await Settled([.. units, duplicate]);
        Assert.All(units, u => Assert.True(u.IsCompletedSuccessfully, u.Exception?.ToString()));
        await Assert.ThrowsAsync<AlreadyExistsException>(() => duplicate);
        // The door's batch and the six's: one COMMIT for all six.
        Assert.Equal(committedBefore + 2, commits.Committed);
    }

    [Fact]
    public async Task A_caller_that_gives_up_before_its_turn_has_nothing_written_and_the_others_commit()
    {
        var (replica, _) = await RegistrationAsync();
        var group = new GroupCommit<RegistrationDb>(replica.GetRequiredService<IServiceScopeFactory>());
        using var leaving = new CancellationTokenSource();

        var door = await Door.OpenAsync(group);
        var stays = group.RunAsync((db, ct) => AppendAsync(db, "stays", ct), CancellationToken.None);
        var leaves = group.RunAsync((db, ct) => AppendAsync(db, "leaves", ct), leaving.Token);
        var staysToo = group.RunAsync((db, ct) => AppendAsync(db, "stays too", ct), CancellationToken.None);
        await leaving.CancelAsync();
        await door.CloseAsync();
        await Settled([stays, leaves, staysToo]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaves);
        Assert.True(stays.IsCompletedSuccessfully && staysToo.IsCompletedSuccessfully);
        await using var check = ProviderDatabases.Open<RegistrationDb>(replica);
        Assert.False(await check.LedgerEntries.AnyAsync(e => e.Reason == "leaves"));
        Assert.False(await check.Set<InboxMessage>().AnyAsync(m => m.Consumer == "leaves"));
        Assert.Equal(2, await check.LedgerEntries.CountAsync(e => e.Reason == "stays" || e.Reason == "stays too"));
    }

    [Fact]
    public async Task A_caller_that_gives_up_while_its_unit_runs_has_nothing_written_and_the_next_chains_to_the_one_before()
    {
        var (replica, _) = await RegistrationAsync();
        var group = new GroupCommit<RegistrationDb>(replica.GetRequiredService<IServiceScopeFactory>());
        var before = await CountAsync(replica);
        using var leaving = new CancellationTokenSource();

        var door = await Door.OpenAsync(group);
        var earlier = group.RunAsync((db, ct) => AppendAsync(db, "before the one leaving", ct), CancellationToken.None);
        var leaves = group.RunAsync(async (db, ct) =>
        {
            var sequence = await AppendAsync(db, "leaves midway", ct);
            // Its caller gives up once its entry and rows are saved in its savepoint; its next step sees it.
            await leaving.CancelAsync();
            await db.LedgerEntries.CountAsync(ct);
            return sequence;
        }, leaving.Token);
        var later = group.RunAsync((db, ct) => AppendAsync(db, "after the one leaving", ct), CancellationToken.None);
        await door.CloseAsync();
        await Settled([earlier, leaves, later]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaves);
        Assert.Equal((before + 1, before + 2), (await earlier, await later));
        await using var check = ProviderDatabases.Open<RegistrationDb>(replica);
        Assert.False(await check.LedgerEntries.AnyAsync(e => e.Reason == "leaves midway"));
        Assert.False(await check.Set<InboxMessage>().AnyAsync(m => m.Consumer == "leaves midway"));
        Assert.False(await check.Set<OutboxMessage>().AnyAsync(m => m.Payload.Contains("leaves midway")));
        await AssertLedgerVerifiesAsync(check, before + 2);
    }

    /// <summary>
    /// A unit as submissions' and screenings' are: a ledger entry, an outbox row and a row with a unique
    /// key, in one save; two units given the same <paramref name="key"/> are duplicates, as two
    /// submissions of one organization to one dialogue are.
    /// </summary>
    static async Task<long> AppendAsync(RegistrationDb db, string who, CancellationToken ct, Guid? key = null)
    {
        var entry = await db.AppendAsync(new LedgerFact(LedgerKinds.ObjectionFiled, Guid.NewGuid(), null, Guid.NewGuid(), new Actor("AUT", "state"), Now, who), ct);
        db.Set<InboxMessage>().Add(key is { } taken
            ? new InboxMessage { MessageId = taken, Consumer = TakenKey, ProcessedAt = Now }
            : new InboxMessage { MessageId = Guid.NewGuid(), Consumer = who, ProcessedAt = Now });
        db.Enqueue(new ApplicationWithdrawn(Guid.NewGuid(), Guid.NewGuid(), "Org", Guid.NewGuid(), "Dialogue", who, Now), Now);
        await db.SaveOrAlreadyExistsAsync(new AlreadyExistsException($"{who}: key taken"), ct);
        return entry.Sequence;
    }

    static async Task AssertLedgerVerifiesAsync(RegistrationDb db, long size)
    {
        Assert.Equal(size, await db.LedgerEntries.CountAsync());
        var verification = await db.VerifyLedgerAsync([], CancellationToken.None);
        Assert.True(verification.Ok, verification.Message);
        var last = await db.LedgerEntries.SingleAsync(e => e.Sequence == size);
        var proof = await LedgerTree.InclusionAsync(db, size - 1, size, CancellationToken.None);
        var root = await LedgerTree.RootAsync(db, size, CancellationToken.None);
        Assert.True(Accreditation.Transparency.Merkle.VerifyInclusion(size - 1, size, last.LeafHash(), proof.AuditPath, root));
    }

    static Task Settled(IEnumerable<Task> units) =>
        Task.WhenAll(units.Select(u => u.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(Patience);

    static async Task<long> CountAsync(IServiceProvider replica)
    {
        await using var db = ProviderDatabases.Open<RegistrationDb>(replica);
        return await db.LedgerEntries.LongCountAsync();
    }

    async Task<(IServiceProvider Replica, Commits Commits)> RegistrationAsync()
    {
        var commits = new Commits();
        // A replica of its own per test: the class's file, this test's interceptor.
        var replica = await databases.ReplicaAsync<RegistrationDb, PostgreSqlRegistrationDb>("registration", options => options.AddInterceptors(commits));
        await using var db = ProviderDatabases.Open<RegistrationDb>(replica);
        await db.Database.MigrateAsync();
        await LedgerTree.RepairAsync(db, CancellationToken.None);
        return (replica, commits);
    }

    /// <summary>A first batch held open inside its unit, so that units queued meanwhile form the next batch together.</summary>
    sealed class Door
    {
        readonly TaskCompletionSource _close = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<long> _batch = Task.FromResult(0L);

        public static async Task<Door> OpenAsync(GroupCommit<RegistrationDb> group)
        {
            var door = new Door();
            var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            door._batch = group.RunAsync(async (_, _) =>
            {
                inside.TrySetResult();
                await door._close.Task;
                return 0L;
            }, CancellationToken.None);
            await inside.Task.WaitAsync(Patience);
            return door;
        }

        public async Task CloseAsync()
        {
            _close.TrySetResult();
            await _batch.WaitAsync(Patience);
        }
    }
}
