using Accreditation.Registration.Data;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Messaging;
using Accreditation.Tests.Databases;
using Microsoft.EntityFrameworkCore;

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

    async Task<IServiceProvider> MigratedAsync()
    {
        var replica = await databases.ReplicaAsync<RegistrationDb, PostgreSqlRegistrationDb>("registration");
        await using var db = ProviderDatabases.Open<RegistrationDb>(replica);
        await db.Database.MigrateAsync();
        return replica;
    }
}
