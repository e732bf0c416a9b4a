using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Programme;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.UnitTests.Registration.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.UnitTests.Registration;

/// <summary>What each caller lists of applications, organizations and floor requests, decided by the database's own query.</summary>
public sealed class ListingRulesTests : IAsyncLifetime
{
    static readonly Actor Other = new("user-2", Roles.Organization);
    static readonly Caller Member = new(LedgerDatabase.Member.Subject, Roles.Organization, null);
    static readonly Caller Officer = new("officer-1", Roles.Officer, null);
    LedgerDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await LedgerDatabase.CreateAsync();
        var own = await _database.AdmitAsync("Migrant Rights Network");
        await _database.AdmitAsync("Alpha Institute", dialogueId: own.DialogueId, member: Other);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_secretariat_lists_every_application_and_organization_a_member_those_of_its_organizations_only()
    {
        Assert.Equal(["Alpha Institute", "Migrant Rights Network"], await ApplicantsAsync(Officer));
        Assert.Equal(["Migrant Rights Network"], await ApplicantsAsync(Member));
        Assert.Equal(["Alpha Institute"], await ApplicantsAsync(new Caller(Other.Subject, Roles.Organization, null)));
        Assert.Empty(await ApplicantsAsync(new Caller("user-3", Roles.Organization, null)));

        await using var db = _database.Open();
        Assert.Equal(["Alpha Institute", "Migrant Rights Network"],
            await db.Organizations.Where(Access.OrganizationsReadableBy(Officer)).OrderBy(o => o.Name).Select(o => o.Name).ToListAsync());
        Assert.Equal(["Migrant Rights Network"], await db.Organizations.Where(Access.OrganizationsReadableBy(Member)).Select(o => o.Name).ToListAsync());
    }

    [Fact]
    public async Task The_floor_requests_an_organization_user_sees_are_filtered_in_the_database()
    {
        await using var db = _database.Open();
        var own = await OwnAsync(db);

        Assert.Contains("EXISTS", db.FloorRequests().Where(FloorRequest.SeenByMembersOf(own)).ToQueryString());
        Assert.Empty(await db.FloorRequests().Where(FloorRequest.SeenByMembersOf(own)).ToListAsync());
    }

    [Fact]
    public async Task Only_an_organization_admitted_to_the_dialogue_sees_who_else_is()
    {
        await using var db = _database.Open();
        var admitted = await db.Organizations.ToListAsync();
        var dialogue = await db.Dialogues.Select(d => d.Id).SingleAsync();

        Access.EnsureAdmittedAmong(await OwnAsync(db), admitted, dialogue);
        var refused = Assert.Throws<AccessDeniedException>(() => Access.EnsureAdmittedAmong(new HashSet<Guid> { Guid.NewGuid() }, admitted, dialogue));
        Assert.Equal(RegistrationReasons.NoOrganizationAdmitted, refused.Reason);
        Assert.Throws<AccessDeniedException>(() => Access.EnsureAdmittedAmong(new HashSet<Guid>(), admitted, dialogue));
    }

    static async Task<HashSet<Guid>> OwnAsync(RegistrationDb db) =>
        (await db.OrganizationMembers.Where(m => m.Subject == Member.Subject).Select(m => m.OrganizationId).ToListAsync()).ToHashSet();

    async Task<IReadOnlyList<string>> ApplicantsAsync(Caller caller)
    {
        await using var db = _database.Open();
        return await db.Applications.Where(Access.ApplicationsReadableBy(caller, db.OrganizationMembers))
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => o.Name).OrderBy(n => n).ToListAsync();
    }
}
