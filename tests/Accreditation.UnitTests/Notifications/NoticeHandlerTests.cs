using Accreditation.Contracts;
using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.Notifications.Messaging;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Accreditation.UnitTests.Notifications;

/// <summary>The handler path against a real SQLite file: what is stored, and that a second run stores nothing more.</summary>
public sealed class NoticeHandlerTests
{
    static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 5, 9, 8, 0, 0, TimeSpan.Zero));

    static async Task HandleAsync<TEvent>(NotificationsDatabase database, Func<NotificationsDb, IEventHandler<TEvent>> handler, TEvent message, Guid messageId)
        where TEvent : class
    {
        // As the inbox consumer does: one context, the handler, then one SaveChanges.
        await using var db = database.Open();
        await handler(db).HandleAsync(message, new EventContext(messageId, null), CancellationToken.None);
        await db.SaveChangesAsync();
    }

    static IEventHandler<ApplicationsCirculated> Circulated(NotificationsDb db) =>
        new ApplicationsCirculatedHandler(NotificationsParts.Writer(db, Clock));

    [Fact]
    public async Task Handling_the_same_event_twice_stores_its_notices_once()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        var messageId = Guid.NewGuid();
        await HandleAsync(database, Circulated, SampleEvents.Circulated(), messageId);
        await HandleAsync(database, Circulated, SampleEvents.Circulated(), messageId);

        await using var db = database.Open();
        var notices = await db.Notices.ToListAsync();
        Assert.Equal(3, notices.Count); // two organizations and the note to every State party
        Assert.All(notices, n =>
        {
            Assert.Equal(messageId, n.SourceMessageId);
            Assert.Equal(Clock.GetUtcNow(), n.CreatedAt);
            Assert.Equal("en", n.Language);
            Assert.Null(n.ReadAt);
        });
    }

    [Fact]
    public async Task The_same_facts_in_another_message_are_another_notice()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        await HandleAsync(database, Circulated, SampleEvents.Circulated(), Guid.NewGuid());
        await HandleAsync(database, Circulated, SampleEvents.Circulated(), Guid.NewGuid());
        await using var db = database.Open();
        Assert.Equal(6, await db.Notices.CountAsync());
    }

    [Fact]
    public async Task The_unique_index_refuses_a_second_notice_of_a_kind_for_a_recipient_from_one_message()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        var draft = NoticePlanner.For(SampleEvents.Submitted())[0];
        var rendered = NoticeTemplates.Embedded.Render(draft, "en");
        var messageId = Guid.NewGuid();
        await using (var db = database.Open())
        {
            db.Notices.Add(Notice.Create(draft, rendered, messageId, Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        await using (var db = database.Open())
        {
            db.Notices.Add(Notice.Create(draft, rendered, messageId, Clock.GetUtcNow()));
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.True(UniqueViolation.Is(error));
        }
        await using (var db = database.Open())
            Assert.Equal(1, await db.Notices.CountAsync());
    }

    [Fact]
    public async Task Every_handler_stores_the_notices_its_event_calls_for()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        NoticeWriter Writer(NotificationsDb db) => NotificationsParts.Writer(db, Clock);
        ScreeningQueue Queue(NotificationsDb db) => new(db);
        await HandleAsync(database, db => new ApplicationSubmittedHandler(Writer(db), Queue(db)), SampleEvents.Submitted(), Guid.NewGuid());
        await HandleAsync(database, db => new ApplicationScreenedHandler(Writer(db), Queue(db)), SampleEvents.Screened(true), Guid.NewGuid());
        await HandleAsync(database, db => new InformationRequestedHandler(Writer(db), Queue(db)), SampleEvents.InformationRequested(), Guid.NewGuid());
        await HandleAsync(database, db => new ApplicationsCirculatedHandler(Writer(db)), SampleEvents.Circulated(), Guid.NewGuid());
        await HandleAsync(database, db => new ObjectionFiledHandler(Writer(db)), SampleEvents.ObjectionFiled(), Guid.NewGuid());
        await HandleAsync(database, db => new ObjectionWithdrawnHandler(Writer(db)), SampleEvents.ObjectionWithdrawn(), Guid.NewGuid());
        await HandleAsync(database, db => new ObjectionWindowClosedHandler(Writer(db)), SampleEvents.WindowClosed(), Guid.NewGuid());
        await HandleAsync(database, db => new ApplicationDecidedHandler(Writer(db), Queue(db)), SampleEvents.Decided(ApplicationStates.Admitted), Guid.NewGuid());
        await HandleAsync(database, db => new ApplicationWithdrawnHandler(Writer(db), Queue(db)), SampleEvents.Withdrawn(), Guid.NewGuid());
        await HandleAsync(database, db => new ObjectionDeadlineApproachingHandler(Writer(db)), SampleEvents.DeadlineApproaching(), Guid.NewGuid());
        await HandleAsync(database, db => new RepresentativeMovedUpHandler(Writer(db), SampleEvents.Links), SampleEvents.MovedUp(), Guid.NewGuid());
        await HandleAsync(database, db => new ApplicationLapsedHandler(Writer(db), SampleEvents.Links), SampleEvents.Lapsed(), Guid.NewGuid());
        await HandleAsync(database, db => new ObjectionReplySubmittedHandler(Writer(db), SampleEvents.Links), SampleEvents.ReplySubmitted(), Guid.NewGuid());
        await HandleAsync(database, db => new CommentPublishedHandler(Writer(db), SampleEvents.Links), SampleEvents.CommentPublished(), Guid.NewGuid());
        await HandleAsync(database, db => new RepresentativeNominatedHandler(Writer(db), SampleEvents.Links), SampleEvents.Nominated(), Guid.NewGuid());

        await using var check = database.Open();
        var stored = await check.Notices.Select(n => n.Kind + " -> " + n.Recipient).ToListAsync();
        var org = SampleEvents.Organization;
        var state = Recipients.State(SampleEvents.ObjectingState);
        Assert.Equal(
            new[]
            {
                $"application-admitted -> {org}", "application-awaiting-screening -> secretariat",
                $"application-circulated -> {org}", $"application-circulated -> {Recipients.Organization(SampleEvents.Circulated().Applicants[1].OrganizationId)}",
                "application-decided -> secretariat", $"application-eligible -> {org}", $"application-received -> {org}",
                "application-withdrawn -> secretariat", "circulation-note -> states", $"information-requested -> {org}",
                "objection-filed -> secretariat", $"objection-receipt -> {state}", $"objection-withdrawal-receipt -> {state}",
                "objection-window-closed -> secretariat", "objection-withdrawn -> secretariat", $"withdrawal-confirmed -> {org}",
                "objection-deadline-reminder -> states", $"representative-moved-up -> {org}",
                $"application-lapsed -> {org}", "objection-reply-received -> secretariat", $"comment-published -> {org}",
                $"representative-nominated -> {org}",
            }.Order(StringComparer.Ordinal),
            stored.Order(StringComparer.Ordinal));
        var organizationBodies = await check.Notices.Where(n => n.Recipient.StartsWith(Recipients.OrganizationPrefix)).Select(n => n.Subject + n.Body).ToListAsync();
        Assert.All(organizationBodies, text => Assert.DoesNotContain(SampleEvents.ObjectingState, text));
    }

    [Fact]
    public async Task A_member_added_twice_is_recorded_once_and_produces_no_notice()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        var added = new OrganizationMemberAdded(SampleEvents.OrganizationId, SampleEvents.OrganizationName, "user-42", SampleEvents.At);
        await HandleAsync(database, db => new OrganizationMemberAddedHandler(db, NotificationsParts.Planner(db), Clock), added, Guid.NewGuid());
        await HandleAsync(database, db => new OrganizationMemberAddedHandler(db, NotificationsParts.Planner(db), Clock), added, Guid.NewGuid());

        await using var check = database.Open();
        var member = Assert.Single(await check.OrganizationMembers.ToListAsync());
        Assert.Equal((SampleEvents.OrganizationId, "user-42"), (member.OrganizationId, member.Subject));
        Assert.Empty(await check.Notices.ToListAsync());
    }
}
