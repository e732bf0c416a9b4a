using Accreditation.Registration.Data;
using Accreditation.Registration.Data.Ledger;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.UnitTests.Registration.Ledger;

/// <summary>
/// A status change is saved only with its ledger entry, by the unit of work that says so
/// (SaveWithLedgerAsync); a plain save of one is refused and writes nothing.
/// </summary>
public sealed class LedgerUnitOfWorkTests : IAsyncLifetime
{
    static readonly DateTimeOffset Now = LedgerDatabase.Now;
    static readonly Actor Member = new("user-1", "organization");
    static readonly Actor Officer = new("officer-1", "officer");
    LedgerDatabase _database = null!;

    public async Task InitializeAsync() => _database = await LedgerDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_plain_save_of_a_status_change_is_refused_and_writes_nothing()
    {
        await using (var db = _database.Open())
        {
            var (dialogue, organization) = await SeedAsync(db);
            db.Applications.Add(Application.Submit(organization, dialogue, Member, Now));
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("SaveWithLedgerAsync", error.Message);
        }
        await using var read = _database.Open();
        Assert.Equal((0, 0), (await read.Applications.CountAsync(), await read.LedgerEntries.CountAsync()));
    }

    [Fact]
    public async Task Saving_with_the_ledger_records_each_status_change_in_the_order_made()
    {
        await using (var db = _database.Open())
        {
            var (dialogue, organization) = await SeedAsync(db);
            var application = Application.Submit(organization, dialogue, Member, Now);
            application.Screen(eligible: true, null, Officer, Now.AddMinutes(1));
            db.Applications.Add(application);
            await db.SaveWithLedgerAsync();
        }
        await using var read = _database.Open();
        var entries = await read.LedgerEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([("Draft", "Submitted"), ("Submitted", "Eligible")], entries.Select(e => (e.StateBefore, e.StateAfter)));
        Assert.True((await read.VerifyLedgerAsync([], CancellationToken.None)).Ok);
    }

    [Fact]
    public async Task Work_whose_save_is_another_s_records_its_changes_first_inside_that_transaction()
    {
        await using (var db = _database.Open())
        {
            var (dialogue, organization) = await SeedAsync(db);
            await db.RetryInTransactionAsync(async ct =>
            {
                db.Applications.Add(Application.Submit(organization, dialogue, Member, Now));
                await db.RecordInLedgerAsync(ct);
                // As the inbox consumer or SaveOrAlreadyExistsAsync do: a plain save, the entries with it.
                await db.SaveChangesAsync(ct);
                return true;
            }, CancellationToken.None);
        }
        await using var read = _database.Open();
        Assert.Equal(LedgerKinds.Transition, (await read.LedgerEntries.SingleAsync()).Kind);
    }

    static async Task<(Dialogue, Organization)> SeedAsync(RegistrationDb db)
    {
        var dialogue = Dialogue.Create("Working Group on Smuggling of Migrants", "ninth session", new DateOnly(2026, 7, 1), "Vienna",
            Now.AddDays(-1), Now.AddDays(30), 14, 40, new DialoguePolicy(CirculationPolicy.All, ObjectionEffect.Exclude, false, 2), Now);
        var organization = Organization.Create("Migrant Rights Network", null, StakeholderCategory.Ngo, "KEN", EcosocStatus.None, null, [], Member.Subject, Now);
        db.Dialogues.Add(dialogue);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return (dialogue, organization);
    }
}
