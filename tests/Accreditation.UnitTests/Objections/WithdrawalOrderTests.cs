using Accreditation.Contracts;
using Accreditation.Objections.Data;
using Accreditation.Objections.Messaging;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Statistics;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.UnitTests.Objections;

/// <summary>Consumers whose effect could depend on the order facts arrive in are written so that it does not.</summary>
public sealed class WithdrawalOrderTests : IAsyncLifetime
{
    static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    readonly string _path = Path.Combine(Path.GetTempPath(), $"objections-test-{Guid.NewGuid():N}.db");

    ObjectionsDb Open() => new(new DbContextOptionsBuilder<ObjectionsDb>()
        .UseSqlite(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString()).Options);

    public async Task InitializeAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        File.Delete(_path);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_withdrawn_application_is_left_out_of_the_states_list_whichever_event_arrives_first(bool withdrawalFirst)
    {
        var withdrawn = Guid.NewGuid();
        var staying = Guid.NewGuid();
        var circulated = new ApplicationsCirculated(Guid.NewGuid(), Guid.NewGuid(), "Dialogue", Now, Now.AddDays(14),
            [Applicant(withdrawn), Applicant(staying)]);
        var withdrawal = new ApplicationWithdrawn(withdrawn, Guid.NewGuid(), "Org", circulated.DialogueId, "Dialogue", "Cannot attend", Now.AddHours(1));

        foreach (var step in withdrawalFirst ? new[] { 0, 1 } : [1, 0])
        {
            await using var db = Open();
            var context = new EventContext(Guid.NewGuid(), null);
            if (step == 0)
                await new ApplicationWithdrawnHandler(db).HandleAsync(withdrawal, context, CancellationToken.None);
            else
                await new ApplicationsCirculatedHandler(db).HandleAsync(circulated, context, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await using var check = Open();
        Assert.Equal([staying], await check.ApplicantsBeforeStates.Select(a => a.ApplicationId).ToListAsync());
    }

    [Fact]
    public async Task A_circulation_of_more_applicants_than_sqlite_binds_in_one_statement_opens_its_window_without_the_withdrawn()
    {
        var applicants = Enumerable.Range(0, 40_000).Select(_ => Applicant(Guid.NewGuid())).ToList();
        var withdrawn = applicants[39_999].ApplicationId;
        await using (var db = Open())
        {
            await new ApplicationWithdrawnHandler(db).HandleAsync(
                new ApplicationWithdrawn(withdrawn, Guid.NewGuid(), "Org", Guid.NewGuid(), "Dialogue", "Cannot attend", Now), new EventContext(Guid.NewGuid(), null), CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await using (var db = Open())
        {
            await new ApplicationsCirculatedHandler(db).HandleAsync(new ApplicationsCirculated(Guid.NewGuid(), Guid.NewGuid(), "Dialogue", Now, Now.AddDays(14), applicants),
                new EventContext(Guid.NewGuid(), null), CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await using var check = Open();
        Assert.Equal(39_999, await check.ApplicantsBeforeStates.CountAsync());
        Assert.False(await check.ApplicantsBeforeStates.AnyAsync(a => a.ApplicationId == withdrawn));
    }

    [Fact]
    public async Task A_profile_change_reaches_the_states_copy_and_an_older_change_arriving_later_does_not_undo_it()
    {
        var application = Guid.NewGuid();
        var circulated = new ApplicationsCirculated(Guid.NewGuid(), Guid.NewGuid(), "Dialogue", Now, Now.AddDays(14), [Applicant(application)]);
        OrganizationProfileChanged Change(string name, string country, DateTimeOffset at) => new(Guid.NewGuid(), name, ["name", "country"],
            [new CirculatedApplicant(application, Guid.NewGuid(), name, "", "Ngo", country, "None", "")], at);

        foreach (var handle in new Func<ObjectionsDb, EventContext, Task>[]
        {
            (db, c) => new ApplicationsCirculatedHandler(db).HandleAsync(circulated, c, CancellationToken.None),
            (db, c) => new OrganizationProfileChangedHandler(db).HandleAsync(Change("Newest Name", "UGA", Now.AddHours(2)), c, CancellationToken.None),
            (db, c) => new OrganizationProfileChangedHandler(db).HandleAsync(Change("Older Name", "TZA", Now.AddHours(1)), c, CancellationToken.None),
            // Another organization's change names no applicant of this one.
            (db, c) => new OrganizationProfileChangedHandler(db).HandleAsync(Change("Unrelated", "PER", Now.AddHours(3)) with { CirculatedApplicants = [] }, c, CancellationToken.None),
        })
        {
            await using var db = Open();
            await handle(db, new EventContext(Guid.NewGuid(), null));
            await db.SaveChangesAsync();
        }

        await using var check = Open();
        var applicant = await check.ApplicantsBeforeStates.SingleAsync();
        Assert.Equal(("Newest Name", "UGA", Now.AddHours(2)), (applicant.Name, applicant.Country, applicant.ProfileChangedAt));
    }

    [Fact]
    public void An_objection_counts_as_standing_only_if_not_withdrawn_whatever_order_the_ledger_recorded_the_two_facts_in()
    {
        var application = Guid.NewGuid();
        var facts = new[] { new ApplicationFact(application, Guid.NewGuid(), ApplicationState.Circulated, StakeholderCategory.Ngo, "KEN", Now, null) };

        var inOrder = DialogueFigures.Compute(facts, [new ObjectionFact(application, "AUT", true), new ObjectionFact(application, "AUT", false)]);
        var reversed = DialogueFigures.Compute(facts, [new ObjectionFact(application, "AUT", false), new ObjectionFact(application, "AUT", true)]);
        var standing = DialogueFigures.Compute(facts, [new ObjectionFact(application, "MEX", true)]);

        Assert.Equal((0, 0), (inOrder.ObjectingStates, inOrder.OrganizationsObjectedTo));
        Assert.Equal((0, 0), (reversed.ObjectingStates, reversed.OrganizationsObjectedTo));
        Assert.Equal((1, 1), (standing.ObjectingStates, standing.OrganizationsObjectedTo));
    }

    static CirculatedApplicant Applicant(Guid id) => new(id, Guid.NewGuid(), "Org", "ORG", "Ngo", "KEN", "None", "https://example.org");
}
