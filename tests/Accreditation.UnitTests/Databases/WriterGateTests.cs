using System.Data.Common;
using Accreditation.Registration.Data;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Messaging;
using Accreditation.Tests.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Accreditation.UnitTests.Databases;

/// <summary>
/// Write transactions of one SQLite file take turns inside the process (WriterGate): a second
/// writer waits without a thread, in order, and begins the moment the first ends however it ends.
/// </summary>
public sealed class WriterGateTests(SqliteDatabases databases) : IClassFixture<SqliteDatabases>
{
    static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_second_writer_of_the_file_waits_for_the_first_to_commit_then_writes()
    {
        var replica = await MigratedAsync();
        await using var first = ProviderDatabases.Open<RegistrationDb>(replica);
        await using var second = ProviderDatabases.Open<RegistrationDb>(replica);
        var held = await first.Database.BeginWriteTransactionAsync(CancellationToken.None);

        var waiting = second.Database.BeginWriteTransactionAsync(CancellationToken.None);

        Assert.False(waiting.IsCompleted);
        first.Set<InboxMessage>().Add(new InboxMessage { MessageId = Guid.NewGuid(), Consumer = "first", ProcessedAt = Now });
        await first.SaveChangesAsync();
        await held.CommitAsync();
        await using (var turn = await waiting.WaitAsync(Patience))
        {
            second.Set<InboxMessage>().Add(new InboxMessage { MessageId = Guid.NewGuid(), Consumer = "second", ProcessedAt = Now });
            await second.SaveChangesAsync();
            await turn.CommitAsync();
        }
        await held.DisposeAsync();
        await using var check = ProviderDatabases.Open<RegistrationDb>(replica);
        Assert.Equal(["first", "second"], await check.Set<InboxMessage>().Where(m => m.Consumer == "first" || m.Consumer == "second")
            .OrderBy(m => m.Consumer).Select(m => m.Consumer).ToListAsync());
    }

    [Fact]
    public async Task A_writer_that_ends_without_committing_gives_the_next_its_turn()
    {
        var replica = await MigratedAsync();
        await using var first = ProviderDatabases.Open<RegistrationDb>(replica);
        await using var second = ProviderDatabases.Open<RegistrationDb>(replica);
        await using var third = ProviderDatabases.Open<RegistrationDb>(replica);
        var rolledBack = await first.Database.BeginWriteTransactionAsync(CancellationToken.None);
        var secondTurn = second.Database.BeginWriteTransactionAsync(CancellationToken.None);
        var thirdTurn = third.Database.BeginWriteTransactionAsync(CancellationToken.None);

        await rolledBack.DisposeAsync();
        var disposed = await secondTurn.WaitAsync(Patience);
        Assert.False(thirdTurn.IsCompleted);
        await disposed.RollbackAsync();
        await using var last = await thirdTurn.WaitAsync(Patience);

        Assert.NotNull(third.Database.CurrentTransaction);
        await disposed.DisposeAsync();
    }

    [Fact]
    public async Task A_writer_that_gives_up_waiting_takes_no_turn_and_the_next_writer_begins_at_once()
    {
        var replica = await MigratedAsync();
        await using var first = ProviderDatabases.Open<RegistrationDb>(replica);
        await using var leaving = ProviderDatabases.Open<RegistrationDb>(replica);
        await using var next = ProviderDatabases.Open<RegistrationDb>(replica);
        using var gone = new CancellationTokenSource();
        var held = await first.Database.BeginWriteTransactionAsync(CancellationToken.None);
        var waiting = leaving.Database.BeginWriteTransactionAsync(gone.Token);

        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Null(leaving.Database.CurrentTransaction);
        await held.CommitAsync();
        await held.DisposeAsync();

        await AssertTurnComesBeforePatienceAsync(next);
    }

    [Fact]
    public async Task A_writer_whose_begin_fails_gives_the_next_writer_its_turn_at_once()
    {
        var refusing = new RefusedBegin();
        var replica = await MigratedAsync(options => options.AddInterceptors(refusing));
        await using var failing = ProviderDatabases.Open<RegistrationDb>(replica);
        await using var next = ProviderDatabases.Open<RegistrationDb>(replica);

        refusing.RefuseNext = true;
        await Assert.ThrowsAsync<IOException>(() => failing.Database.BeginWriteTransactionAsync(CancellationToken.None));

        await AssertTurnComesBeforePatienceAsync(next);
    }

    /// <summary>
    /// A turn taken and never given back would make every later writer wait the gate's whole
    /// patience (5 s) before SQLite's busy handler admits it anyway: the turn must be free, and the
    /// next writer begins.
    /// </summary>
    static async Task AssertTurnComesBeforePatienceAsync(RegistrationDb db)
    {
        Assert.True(WriterGate.IsFree(db.Database), "the writer gate's turn was not given back");
        await using var turn = await db.Database.BeginWriteTransactionAsync(CancellationToken.None).WaitAsync(Patience);
        await turn.CommitAsync();
    }

    sealed class RefusedBegin : DbTransactionInterceptor
    {
        public volatile bool RefuseNext;

        public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (!RefuseNext)
                return ValueTask.FromResult(result);
            RefuseNext = false;
            throw new IOException("disk I/O error at BEGIN (injected)");
        }
    }

    async Task<IServiceProvider> MigratedAsync(Action<DbContextOptionsBuilder>? configure = null)
    {
        var replica = await databases.ReplicaAsync<RegistrationDb, PostgreSqlRegistrationDb>("registration", configure);
        await using var db = ProviderDatabases.Open<RegistrationDb>(replica);
        await db.Database.MigrateAsync();
        return replica;
    }
}
