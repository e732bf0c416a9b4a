using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.UnitTests.Registration.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.UnitTests.Registration;

/// <summary>Who sees which written comments of a dialogue, decided by the database's own query.</summary>
public sealed class CommentVisibilityTests : IAsyncLifetime
{
    static readonly DateTimeOffset Now = LedgerDatabase.Now;
    static readonly Actor Officer = new("officer-1", Roles.Officer);
    static readonly Actor Other = new("user-2", Roles.Organization);
    LedgerDatabase _database = null!;
    Guid _dialogue;

    public async Task InitializeAsync()
    {
        _database = await LedgerDatabase.CreateAsync();
        var own = await _database.AdmitAsync("Migrant Rights Network");
        var other = await _database.AdmitAsync("Alpha Institute", dialogueId: own.DialogueId, member: Other);
        _dialogue = own.DialogueId;
        await using var db = _database.Open();
        var published = WrittenComment.Submit(other, "published", null, Other, Now);
        published.Publish(Officer, Now);
        db.Set<WrittenComment>().AddRange(WrittenComment.Submit(own, "own draft", null, LedgerDatabase.Member, Now),
            WrittenComment.Submit(other, "other draft", null, Other, Now), published);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_secretariat_sees_every_comment()
    {
        Assert.Equal(["other draft", "own draft", "published"], await VisibleAsync(new Caller("officer-1", Roles.Officer, null)));
        Assert.Equal(["other draft", "own draft", "published"], await VisibleAsync(new Caller("auditor-1", Roles.Auditor, null)));
    }

    [Fact]
    public async Task An_organization_s_member_sees_the_published_comments_and_its_own_drafts_only()
    {
        Assert.Equal(["own draft", "published"], await VisibleAsync(new Caller(LedgerDatabase.Member.Subject, Roles.Organization, null)));
        Assert.Equal(["other draft", "published"], await VisibleAsync(new Caller(Other.Subject, Roles.Organization, null)));
    }

    [Fact]
    public async Task A_state_party_sees_the_published_comments_only()
    {
        Assert.Equal(["published"], await VisibleAsync(new Caller("state-aut", Roles.State, "AUT")));
    }

    [Fact]
    public async Task The_rule_is_part_of_the_query_the_database_runs_not_a_filter_in_memory()
    {
        await using var db = _database.Open();
        var sql = db.Set<WrittenComment>().Where(WrittenComment.VisibleTo(new Caller("state-aut", Roles.State, "AUT"), db.OrganizationMembers)).ToQueryString();
        Assert.Contains("EXISTS", sql);
        Assert.Contains("\"PublishedAt\" IS NOT NULL", sql);
    }

    async Task<IReadOnlyList<string>> VisibleAsync(Caller caller)
    {
        await using var db = _database.Open();
        return await db.Set<WrittenComment>().Where(c => c.DialogueId == _dialogue)
            .Where(WrittenComment.VisibleTo(caller, db.OrganizationMembers)).OrderBy(c => c.Text).Select(c => c.Text).ToListAsync();
    }
}
