using Accreditation.Contracts;
using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.Notifications.Messaging;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.Extensions.Time.Testing;

namespace Accreditation.UnitTests.Notifications;

/// <summary>What each party's inbox shows, against a real SQLite file.</summary>
public sealed class InboxTests : IAsyncLifetime
{
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 9, 8, 0, 0, TimeSpan.Zero));
    NotificationsDatabase _database = null!;

    static readonly Caller Member = new("user-1", Roles.Organization, null);
    static readonly Caller Outsider = new("user-2", Roles.Organization, null);
    static readonly Caller Austria = new("client-aut", Roles.State, "AUT");
    static readonly Caller Mexico = new("client-mex", Roles.State, "MEX");
    static readonly Caller Objector = new("client-qzx", Roles.State, SampleEvents.ObjectingState);
    static readonly Caller Officer = new("officer-1", Roles.Officer, null);

    public async Task InitializeAsync()
    {
        _database = await NotificationsDatabase.CreateAsync();
        await HandleAsync(db => new OrganizationMemberAddedHandler(db, NotificationsParts.Planner(db), _clock),
            new OrganizationMemberAdded(SampleEvents.OrganizationId, SampleEvents.OrganizationName, Member.Subject, SampleEvents.At));
        await HandleAsync(db => new ApplicationSubmittedHandler(Writer(db), new ScreeningQueue(db)), SampleEvents.Submitted());
        _clock.Advance(TimeSpan.FromDays(1));
        await HandleAsync(db => new ApplicationsCirculatedHandler(Writer(db)), SampleEvents.Circulated());
        _clock.Advance(TimeSpan.FromDays(1));
        await HandleAsync(db => new ObjectionFiledHandler(Writer(db)), SampleEvents.ObjectionFiled());
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    NoticeWriter Writer(NotificationsDb db) => NotificationsParts.Writer(db, _clock);

    async Task HandleAsync<TEvent>(Func<NotificationsDb, IEventHandler<TEvent>> handler, TEvent message) where TEvent : class
    {
        await using var db = _database.Open();
        await handler(db).HandleAsync(message, new EventContext(Guid.NewGuid(), null), CancellationToken.None);
        await db.SaveChangesAsync();
    }

    async Task<T> WithInbox<T>(Caller caller, Func<Inbox, InboxAudience, Task<T>> query)
    {
        await using var db = _database.Open();
        var inbox = new Inbox(db, _clock);
        return await query(inbox, InboxAudience.For(caller));
    }

    Task<IReadOnlyList<InboxEntry>> List(Caller caller, bool unreadOnly = false, int skip = 0, int take = 50) =>
        WithInbox(caller, (inbox, audience) => inbox.ListAsync(audience, unreadOnly, skip, take, CancellationToken.None));

    Task<int> Unread(Caller caller) => WithInbox(caller, (inbox, audience) => inbox.UnreadCountAsync(audience, CancellationToken.None));

    Task<InboxEntry> MarkRead(Caller caller, Guid noticeId) =>
        WithInbox(caller, (inbox, audience) => inbox.MarkReadAsync(audience, noticeId, CancellationToken.None));

    [Fact]
    public async Task A_member_sees_its_organizations_notices_newest_first()
    {
        var kinds = (await List(Member)).Select(e => e.Notice.Kind).ToList();
        Assert.Equal([NoticeKinds.ApplicationCirculated, NoticeKinds.ApplicationReceived], kinds);
    }

    [Fact]
    public async Task A_user_who_is_not_a_member_sees_nothing_of_the_organization()
    {
        Assert.Empty(await List(Outsider));
        Assert.Equal(0, await Unread(Outsider));
    }

    [Fact]
    public async Task A_notice_for_someone_else_is_not_found_when_marked_read()
    {
        var notice = (await List(Member))[0].Notice;
        await Assert.ThrowsAsync<NotFoundException>(() => MarkRead(Outsider, notice.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => MarkRead(Officer, notice.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => MarkRead(Member, Guid.NewGuid()));
    }

    [Fact]
    public async Task Only_the_objecting_state_and_the_secretariat_see_the_objection()
    {
        Assert.Contains(await List(Objector), e => e.Notice.Kind == NoticeKinds.ObjectionReceipt);
        Assert.Contains(await List(Officer), e => e.Notice.Kind == NoticeKinds.ObjectionFiled);
        Assert.DoesNotContain(await List(Austria), e => e.Notice.Kind is NoticeKinds.ObjectionReceipt or NoticeKinds.ObjectionFiled);
        Assert.All(await List(Member), e => Assert.DoesNotContain(SampleEvents.ObjectingState, e.Notice.Body));
    }

    [Fact]
    public async Task Marking_read_lowers_the_unread_count_and_the_unread_only_list()
    {
        Assert.Equal(2, await Unread(Member));
        var newest = (await List(Member))[0].Notice;
        var marked = await MarkRead(Member, newest.Id);
        Assert.True(marked.Read);
        Assert.Equal(1, await Unread(Member));
        Assert.Equal([NoticeKinds.ApplicationReceived], (await List(Member, unreadOnly: true)).Select(e => e.Notice.Kind));
        // Marking again changes nothing.
        await MarkRead(Member, newest.Id);
        Assert.Equal(1, await Unread(Member));
    }

    [Fact]
    public async Task A_member_of_more_organizations_than_a_statement_has_parameters_sees_its_inbox_and_marks_it_read()
    {
        // 40,000 memberships: more than SQLite binds in one statement (32,766), so no list of them may travel as parameters.
        await using (var db = _database.Open())
        {
            db.OrganizationMembers.AddRange(Enumerable.Range(0, 40_000)
                .Select(i => new OrganizationMember(Guid.NewGuid(), Member.Subject, $"Organization {i}", SampleEvents.At)));
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, await Unread(Member));
        var notices = await List(Member);
        Assert.Equal([NoticeKinds.ApplicationCirculated, NoticeKinds.ApplicationReceived], notices.Select(e => e.Notice.Kind));
        await MarkRead(Member, notices[0].Notice.Id);
        Assert.Equal(1, await Unread(Member));
        Assert.Equal(0, await Unread(Outsider));
    }

    [Fact]
    public async Task Each_state_party_reads_the_circulation_note_for_itself()
    {
        var note = Assert.Single(await List(Austria), e => e.Notice.Kind == NoticeKinds.CirculationNote).Notice;
        Assert.Equal(1, await Unread(Austria));
        await MarkRead(Austria, note.Id);
        Assert.Equal(0, await Unread(Austria));
        Assert.True(Assert.Single(await List(Austria)).Read);
        // Another State's copy is still unread.
        Assert.Equal(1, await Unread(Mexico));
        Assert.False(Assert.Single(await List(Mexico), e => e.Notice.Id == note.Id).Read);
    }

    [Fact]
    public async Task Pages_follow_each_other_without_overlap()
    {
        var all = await List(Officer);
        Assert.Equal(2, all.Count); // awaiting screening, objection filed
        var first = await List(Officer, skip: 0, take: 1);
        var second = await List(Officer, skip: 1, take: 1);
        Assert.Equal(all.Select(e => e.Notice.Id), first.Concat(second).Select(e => e.Notice.Id));
    }
}
