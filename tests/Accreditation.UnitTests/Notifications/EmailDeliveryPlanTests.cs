using Accreditation.Contracts;
using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.Notifications.Messaging;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Accreditation.UnitTests.Notifications;

/// <summary>Which e-mails a notice becomes: to whom, in which language, once per notice and address.</summary>
public sealed class EmailDeliveryPlanTests
{
    static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 5, 9, 8, 0, 0, TimeSpan.Zero));
    static readonly DateTimeOffset Joined = SampleEvents.At.AddDays(-1);

    static readonly ConfiguredRecipients Configured = NotificationsParts.Recipients(new()
    {
        ["Notifications:Recipients:secretariat:Email"] = "accreditation@un.example",
        ["Notifications:Recipients:state:AUT:Email"] = "mission@aut.example",
        ["Notifications:Recipients:state:AUT:Language"] = "fr",
        ["Notifications:Recipients:state:MEX:Email"] = "mision@mex.example",
        ["Notifications:Recipients:state:MEX:Language"] = "es",
    });

    static async Task HandleAsync<TEvent>(NotificationsDatabase database, TEvent message, Guid messageId, bool emailOn = true) where TEvent : class
    {
        await using var db = database.Open();
        var email = emailOn ? NotificationsParts.EmailOn : null;
        var planner = NotificationsParts.Planner(db, email, Configured);
        var writer = NotificationsParts.Writer(db, Clock, email, Configured);
        var queue = new ScreeningQueue(db);
        var context = new EventContext(messageId, null);
        Task task = message switch
        {
            AccountRegistered e => new AccountRegisteredHandler(db, planner, Clock).HandleAsync(e, context, default),
            OrganizationMemberAdded e => new OrganizationMemberAddedHandler(db, planner, Clock).HandleAsync(e, context, default),
            ApplicationSubmitted e => new ApplicationSubmittedHandler(writer, queue).HandleAsync(e, context, default),
            ApplicationsCirculated e => new ApplicationsCirculatedHandler(writer).HandleAsync(e, context, default),
            ObjectionFiled e => new ObjectionFiledHandler(writer).HandleAsync(e, context, default),
            _ => throw new ArgumentException(typeof(TEvent).Name),
        };
        await task;
        await db.SaveChangesAsync();
    }

    static Task MemberAsync(NotificationsDatabase database, string subject, string email, string language) =>
        HandleAsync(database, new AccountRegistered(subject, email, subject, language, Joined), Guid.NewGuid());

    static async Task JoinAsync(NotificationsDatabase database, string subject) =>
        await HandleAsync(database, new OrganizationMemberAdded(SampleEvents.OrganizationId, SampleEvents.OrganizationName, subject, Joined), Guid.NewGuid());

    static async Task<List<Delivery>> DeliveriesAsync(NotificationsDatabase database)
    {
        await using var db = database.Open();
        return (await db.Deliveries.ToListAsync()).OrderBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.Address, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task Each_member_of_an_organization_gets_the_notice_in_its_own_language_and_the_secretariat_in_its_own()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        await MemberAsync(database, "ana", "ana@ngo.example", "fr");
        await JoinAsync(database, "ana");
        await MemberAsync(database, "luis", "luis@ngo.example", "es");
        await JoinAsync(database, "luis");

        await HandleAsync(database, SampleEvents.Submitted(), Guid.NewGuid());

        var deliveries = await DeliveriesAsync(database);
        Assert.Equal(
            [
                ("application-awaiting-screening", "accreditation@un.example", "en"),
                ("application-received", "ana@ngo.example", "fr"),
                ("application-received", "luis@ngo.example", "es"),
            ],
            deliveries.Select(d => (d.Kind, d.Address, d.Language)));
        Assert.StartsWith("Candidature reçue", deliveries[1].Subject);
        Assert.StartsWith("Solicitud recibida", deliveries[2].Subject);
        Assert.All(deliveries, d => Assert.Equal((DeliveryState.Pending, 0), (d.State, d.Attempts)));
        // Due by the wall clock the sender runs on, whatever the (here simulated) domain clock says.
        Assert.All(deliveries, d => Assert.InRange(d.NextAttemptAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow));
        Assert.All(deliveries, d => Assert.Equal(Clock.GetUtcNow(), d.CreatedAt));
        // The organization's shared inbox copy is in its first member's language.
        await using var db = database.Open();
        Assert.Equal("fr", (await db.Notices.SingleAsync(n => n.Recipient == SampleEvents.Organization)).Language);
    }

    [Fact]
    public async Task A_redelivered_event_makes_no_second_e_mail()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        await MemberAsync(database, "ana", "ana@ngo.example", "fr");
        await JoinAsync(database, "ana");
        var messageId = Guid.NewGuid();
        await HandleAsync(database, SampleEvents.Submitted(), messageId);
        await HandleAsync(database, SampleEvents.Submitted(), messageId);
        Assert.Equal(2, (await DeliveriesAsync(database)).Count);
    }

    [Fact]
    public async Task A_notice_to_every_state_party_is_e_mailed_to_each_configured_state_in_its_language_and_a_receipt_to_the_objecting_state_only()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        await HandleAsync(database, SampleEvents.Circulated(), Guid.NewGuid());
        await HandleAsync(database, new ObjectionFiled(Guid.NewGuid(), SampleEvents.ApplicationId, SampleEvents.CirculationId, SampleEvents.OrganizationName, "MEX", null, SampleEvents.At), Guid.NewGuid());

        var deliveries = await DeliveriesAsync(database);
        Assert.Equal(
            [
                ("circulation-note", "mision@mex.example", "es"),
                ("circulation-note", "mission@aut.example", "fr"),
                ("objection-filed", "accreditation@un.example", "en"),
                ("objection-receipt", "mision@mex.example", "es"),
            ],
            deliveries.Select(d => (d.Kind, d.Address, d.Language)));
    }

    [Fact]
    public async Task A_member_whose_account_arrives_after_the_notice_still_gets_it_once()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        await JoinAsync(database, "ana");
        await HandleAsync(database, SampleEvents.Submitted(), Guid.NewGuid());
        Assert.DoesNotContain(await DeliveriesAsync(database), d => d.Kind == NoticeKinds.ApplicationReceived);

        await MemberAsync(database, "ana", "ana@ngo.example", "es");
        await MemberAsync(database, "ana", "ana@ngo.example", "es");

        var received = Assert.Single(await DeliveriesAsync(database), d => d.Kind == NoticeKinds.ApplicationReceived);
        Assert.Equal(("ana@ngo.example", "es"), (received.Address, received.Language));
        Assert.StartsWith("Solicitud recibida", received.Subject);
    }

    [Fact]
    public async Task A_member_who_joins_after_the_notice_does_not_get_it()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        await MemberAsync(database, "ana", "ana@ngo.example", "en");
        await HandleAsync(database, SampleEvents.Submitted(), Guid.NewGuid());
        await HandleAsync(database, new OrganizationMemberAdded(SampleEvents.OrganizationId, SampleEvents.OrganizationName, "ana", Clock.GetUtcNow().AddMinutes(1)), Guid.NewGuid());
        Assert.DoesNotContain(await DeliveriesAsync(database), d => d.Kind == NoticeKinds.ApplicationReceived);
    }

    [Fact]
    public async Task Without_an_smtp_server_notices_stay_in_the_inbox_and_no_delivery_is_recorded()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        await MemberAsync(database, "ana", "ana@ngo.example", "fr");
        await JoinAsync(database, "ana");
        await HandleAsync(database, SampleEvents.Submitted(), Guid.NewGuid(), emailOn: false);
        Assert.Empty(await DeliveriesAsync(database));
        await using var db = database.Open();
        Assert.Equal(2, await db.Notices.CountAsync());
    }

    [Fact]
    public async Task The_unique_index_refuses_a_second_delivery_of_a_notice_to_one_address()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        await HandleAsync(database, SampleEvents.Circulated(), Guid.NewGuid());
        await using var db = database.Open();
        var existing = await db.Deliveries.AsNoTracking().FirstAsync();
        var notice = await db.Notices.SingleAsync(n => n.Id == existing.NoticeId);
        db.Deliveries.Add(Delivery.Create(notice, new Addressee(existing.Address, "en"),
            new RenderedNotice("en", "s", "b"), Clock.GetUtcNow(), Clock.GetUtcNow()));
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.True(Accreditation.ServiceDefaults.Data.UniqueViolation.Is(error));
    }
}
