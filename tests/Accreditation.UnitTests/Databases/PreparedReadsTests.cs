using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Data;
using Accreditation.Tests.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.UnitTests.Databases;

/// <summary>
/// Tagged reads on SQLite run on prepared statements of their own connections (PreparedReads),
/// wired as a service wires them (AddServiceDbContext), and read what the context would have read.
/// </summary>
public sealed class PreparedReadsTests(SqliteDatabases databases) : IClassFixture<SqliteDatabases>
{
    static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly Actor Member = new("user-1", "organization");

    [Fact]
    public async Task A_read_repeated_compiles_its_statement_once_on_one_connection_and_sees_each_commit()
    {
        var (replica, reads, application) = await SeedAsync();

        for (var i = 0; i < 20; i++)
        {
            await using var scope = replica.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistrationDb>();
            var read = await db.ReadCaseAsync(application.Id, Member.Subject, CancellationToken.None);
            Assert.Equal((application.Id, ApplicationState.Submitted, true), (read.Application.Id, read.Application.State, read.CallerIsMember));
            var stranger = await db.ReadCaseAsync(application.Id, "someone-else", CancellationToken.None);
            Assert.False(stranger.CallerIsMember);
        }
        Assert.Equal((1, 1), (reads.Compiled, reads.Open));

        // A change committed elsewhere is what the next read sees.
        await using (var scope = replica.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistrationDb>();
            // (In SQL: the service's compiled tracked queries belong to whichever model compiled them first in this process.)
            await db.Applications.Where(a => a.Id == application.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.State, ApplicationState.Eligible));
        }
        await using (var scope = replica.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistrationDb>();
            var read = await db.ReadCaseAsync(application.Id, Member.Subject, CancellationToken.None);
            Assert.Equal(ApplicationState.Eligible, read.Application.State);
        }
        Assert.Equal((1, 1), (reads.Compiled, reads.Open));
        await Assert.ThrowsAsync<Accreditation.ServiceDefaults.Errors.NotFoundException>(async () =>
        {
            await using var scope = replica.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RegistrationDb>().ReadCaseAsync(Guid.NewGuid(), Member.Subject, CancellationToken.None);
        });
    }

    [Fact]
    public async Task A_read_inside_a_transaction_stays_on_the_context_and_sees_its_own_uncommitted_change()
    {
        var (replica, reads, application) = await SeedAsync();
        await using var scope = replica.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistrationDb>();
        await using (var transaction = await db.Database.BeginWriteTransactionAsync(CancellationToken.None))
        {
            await db.Applications.Where(a => a.Id == application.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.State, ApplicationState.Withdrawn));
            var inside = await db.ReadCaseAsync(application.Id, Member.Subject, CancellationToken.None);
            Assert.Equal(ApplicationState.Withdrawn, inside.Application.State);
            // Not committed: rolled back with the transaction.
        }
        var after = await db.ReadCaseAsync(application.Id, Member.Subject, CancellationToken.None);
        Assert.Equal(ApplicationState.Submitted, after.Application.State);
        Assert.Equal(1, reads.Compiled);
    }

    [Fact]
    public async Task Concurrent_reads_take_at_most_the_bounded_connections_and_give_them_all_back()
    {
        var (replica, reads, application) = await SeedAsync();
        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await using var scope = replica.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<RegistrationDb>();
                var read = await db.ReadCaseAsync(application.Id, Member.Subject, CancellationToken.None);
                Assert.Equal(application.Id, read.Application.Id);
            }
        })));
        Assert.InRange(reads.Open, 1, Math.Max(4, 2 * Environment.ProcessorCount));
        Assert.Equal(reads.Open, reads.Compiled);

        // Every connection came back: as many sequential reads as there are connections compile nothing new.
        var open = reads.Open;
        for (var i = 0; i < open + 1; i++)
        {
            await using var scope = replica.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RegistrationDb>().ReadCaseAsync(application.Id, Member.Subject, CancellationToken.None);
        }
        Assert.Equal((open, open), (reads.Open, reads.Compiled));
    }

    [Fact]
    public async Task A_host_stopped_after_prepared_reads_leaves_the_next_host_on_the_file_free_to_write()
    {
        var service = $"registration-{Guid.NewGuid():N}";
        var (first, reads, application) = await SeedAsync(service);
        await using (var scope = first.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RegistrationDb>().ReadCaseAsync(application.Id, Member.Subject, CancellationToken.None);
        Assert.Equal(1, reads.Open);
        await ((ServiceProvider)first).DisposeAsync();

        // A restart in the same process, on the same file: its connections come from the same pool.
        var next = await databases.ReplicaAsync<RegistrationDb, PostgreSqlRegistrationDb>(service);
        for (var i = 0; i < 8; i++)
        {
            await using var scope = next.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistrationDb>();
            Assert.Equal(1, await db.Applications.Where(a => a.Id == application.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.State, ApplicationState.Eligible)));
        }
    }

    Task<(IServiceProvider Replica, PreparedReads Reads, Application Application)> SeedAsync() => SeedAsync($"registration-{Guid.NewGuid():N}");

    async Task<(IServiceProvider Replica, PreparedReads Reads, Application Application)> SeedAsync(string service)
    {
        var replica = await databases.ReplicaAsync<RegistrationDb, PostgreSqlRegistrationDb>(service);
        await using var scope = replica.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistrationDb>();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        var dialogue = Dialogue.Create("Working Group on Smuggling of Migrants", "ninth session", new DateOnly(2027, 7, 1), "Vienna",
            Now.AddDays(-1), Now.AddDays(30), 14, 40, new DialoguePolicy(CirculationPolicy.All, ObjectionEffect.Exclude, false, 2), Now);
        var organization = Organization.Create("Global Initiative", null, StakeholderCategory.Ngo, "KEN", EcosocStatus.None, null, [], Member.Subject, Now);
        var application = Application.Submit(organization, dialogue, Member, Now);
        db.AddRange(dialogue, organization, application);
        await db.SaveWithLedgerAsync(CancellationToken.None);
        return (replica, replica.GetRequiredKeyedService<PreparedReads>(typeof(RegistrationDb)), application);
    }
}
