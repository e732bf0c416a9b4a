using Accreditation.Registration.Data;
using Accreditation.Registration.Data.Ledger;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Messaging;
using Accreditation.Tests.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.UnitTests.Databases;

/// <summary>Contexts are pooled (AddServiceDbContext): one unit of work leaves nothing of itself to the next.</summary>
public sealed class PooledContextTests(SqliteDatabases databases) : IClassFixture<SqliteDatabases>
{
    static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_context_reused_after_a_failed_save_tracks_nothing_of_it_and_chains_the_next_entry_to_the_committed_head()
    {
        var replica = await databases.ReplicaAsync<RegistrationDb, PostgreSqlRegistrationDb>("registration");
        var taken = Guid.NewGuid();
        LedgerEntry head;
        await using (var db = ProviderDatabases.Open<RegistrationDb>(replica))
        {
            await db.Database.MigrateAsync();
            await LedgerTree.RepairAsync(db, CancellationToken.None);
            await db.RetryInTransactionAsync(async ct =>
            {
                await db.AppendAsync(Fact("committed before"), ct);
                db.Set<InboxMessage>().Add(new InboxMessage { MessageId = taken, Consumer = "pooled", ProcessedAt = Now });
                return await db.SaveChangesAsync(ct);
            }, CancellationToken.None);
            head = await db.LedgerEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync();
        }

        // A request fails at its save: its ledger entry, tree nodes and rows are still tracked, its transaction open.
        RegistrationDb failed;
        await using (var scope = replica.CreateAsyncScope())
        {
            failed = scope.ServiceProvider.GetRequiredService<RegistrationDb>();
            failed.LedgerCorrelation = "message:the-failed-request";
            await using var transaction = await failed.Database.BeginWriteTransactionAsync(CancellationToken.None);
            await failed.AppendAsync(Fact("never committed"), CancellationToken.None);
            failed.Set<InboxMessage>().Add(new InboxMessage { MessageId = taken, Consumer = "pooled", ProcessedAt = Now });
            await Assert.ThrowsAsync<DbUpdateException>(() => failed.SaveChangesAsync());
            Assert.NotEmpty(failed.ChangeTracker.Entries());
        }

        await using var next = replica.CreateAsyncScope();
        var reused = next.ServiceProvider.GetRequiredService<RegistrationDb>();
        Assert.Same(failed, reused);
        Assert.Empty(reused.ChangeTracker.Entries());
        Assert.Null(reused.Database.CurrentTransaction);
        Assert.Null(reused.LedgerCorrelation);
        var appended = await reused.RetryInTransactionAsync(async ct =>
        {
            var entry = await reused.AppendAsync(Fact("the next request"), ct);
            await reused.SaveChangesAsync(ct);
            return entry;
        }, CancellationToken.None);
        Assert.Equal((head.Sequence + 1, head.Hash), (appended.Sequence, appended.PreviousHash));
        Assert.NotEqual("message:the-failed-request", appended.CorrelationId);
        await using var check = ProviderDatabases.Open<RegistrationDb>(replica);
        Assert.False(await check.LedgerEntries.AnyAsync(e => e.Reason == "never committed"));
        Assert.Equal(1, await check.Set<InboxMessage>().CountAsync(m => m.MessageId == taken));
        var verification = await check.VerifyLedgerAsync([], CancellationToken.None);
        Assert.True(verification.Ok, verification.Message);
        var size = await check.LedgerEntries.LongCountAsync();
        var proof = await LedgerTree.InclusionAsync(check, size - 1, size, CancellationToken.None);
        var root = await LedgerTree.RootAsync(check, size, CancellationToken.None);
        Assert.True(Accreditation.Transparency.Merkle.VerifyInclusion(size - 1, size, appended.LeafHash(), proof.AuditPath, root));
    }

    [Fact]
    public async Task A_registration_context_back_from_the_pool_carries_no_ledger_correlation_of_the_last_unit_of_work()
    {
        var replica = await databases.ReplicaAsync<RegistrationDb, PostgreSqlRegistrationDb>("registration");
        RegistrationDb first;
        await using (var scope = replica.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<RegistrationDb>();
            first.LedgerCorrelation = "message:an-earlier-event";
        }

        await using var next = replica.CreateAsyncScope();
        var second = next.ServiceProvider.GetRequiredService<RegistrationDb>();

        Assert.Same(first, second);
        Assert.Null(second.LedgerCorrelation);
    }

    [Fact]
    public async Task Two_units_of_work_at_once_get_two_contexts()
    {
        var replica = await databases.ReplicaAsync<RegistrationDb, PostgreSqlRegistrationDb>("registration");
        await using var one = replica.CreateAsyncScope();
        await using var other = replica.CreateAsyncScope();

        Assert.NotSame(one.ServiceProvider.GetRequiredService<RegistrationDb>(), other.ServiceProvider.GetRequiredService<RegistrationDb>());
    }

    static LedgerFact Fact(string reason) =>
        new(LedgerKinds.ObjectionFiled, Guid.NewGuid(), null, Guid.NewGuid(), new Actor("AUT", "state"), Now, reason);
}
