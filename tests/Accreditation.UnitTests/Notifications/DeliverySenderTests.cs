using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.Notifications.Email;
using Accreditation.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Accreditation.Notifications.Background;

namespace Accreditation.UnitTests.Notifications;

/// <summary>The sender against a real SQLite file and a scripted mail server.</summary>
public sealed class DeliverySenderTests
{
    /// <summary>Refuses the first <paramref name="failures"/> attempts, then accepts; remembers what it accepted.</summary>
    sealed class ScriptedMailServer(int failures) : IEmailSender
    {
        int _attempts;
        public List<OutgoingEmail> Attempts { get; } = [];
        public List<OutgoingEmail> Accepted { get; } = [];

        public Task SendAsync(OutgoingEmail email, CancellationToken ct)
        {
            lock (Attempts)
            {
                Attempts.Add(email);
                if (++_attempts <= failures)
                    throw new IOException("451 try again later");
                Accepted.Add(email);
            }
            return Task.CompletedTask;
        }
    }

    static EmailSettings Settings(int maxAttempts) => NotificationsParts.EmailOn with
    {
        Retry = new RetryPolicy(maxAttempts, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1)),
    };

    static async Task<Guid> PendingDeliveryAsync(NotificationsDatabase database)
    {
        await using var db = database.Open();
        var draft = NoticePlanner.For(SampleEvents.Submitted())[1];
        var notice = Notice.Create(draft, NoticeTemplates.Embedded.Render(draft, "en"), Guid.NewGuid(), SampleEvents.At);
        var delivery = Delivery.Create(notice, new Addressee("accreditation@un.example", "fr"), NoticeTemplates.Embedded.Render(draft, "fr"), SampleEvents.At, DateTimeOffset.UtcNow.AddSeconds(-1));
        db.Notices.Add(notice);
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery.Id;
    }

    static DeliverySender Sender(NotificationsDatabase database, IEmailSender server, EmailSettings settings)
    {
        var provider = new ServiceCollection()
            .AddDbContext<NotificationsDb>(options => options.UseSqlite(database.ConnectionString))
            .BuildServiceProvider();
        return new DeliverySender(provider.GetRequiredService<IServiceScopeFactory>(), server, settings, new WallClock(), NullLogger<DeliverySender>.Instance);
    }

    /// <summary>Runs the sender until nothing is due any more (the backoff here is a millisecond).</summary>
    static async Task DrainAsync(DeliverySender sender, NotificationsDatabase database)
    {
        for (var round = 0; round < 100; round++)
        {
            await sender.SendDueAsync(CancellationToken.None);
            await using var db = database.Open();
            if (!await db.Deliveries.AnyAsync(d => d.State == DeliveryState.Pending))
                return;
            await Task.Delay(5);
        }
        throw new TimeoutException("Deliveries still pending.");
    }

    static async Task<Delivery> LoadAsync(NotificationsDatabase database, Guid id)
    {
        await using var db = database.Open();
        return await db.Deliveries.SingleAsync(d => d.Id == id);
    }

    [Fact]
    public async Task A_refused_e_mail_is_retried_with_the_same_message_id_and_marked_sent_once_accepted()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        var id = await PendingDeliveryAsync(database);
        var server = new ScriptedMailServer(failures: 2);
        await DrainAsync(Sender(database, server, Settings(maxAttempts: 5)), database);

        var delivery = await LoadAsync(database, id);
        Assert.Equal((DeliveryState.Sent, 3, (string?)null), (delivery.State, delivery.Attempts, delivery.LastError));
        Assert.NotNull(delivery.SentAt);
        Assert.Equal(3, server.Attempts.Count);
        Assert.All(server.Attempts, a => Assert.Equal(Delivery.MessageIdFor(id), a.MessageId));
        var accepted = Assert.Single(server.Accepted);
        Assert.Equal(("accreditation@un.example", "fr", NoticeKinds.ApplicationAwaitingScreening), (accepted.To, accepted.Language, accepted.Kind));
    }

    [Fact]
    public async Task After_its_last_attempt_a_delivery_is_failed_with_the_error_and_never_tried_again()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        var id = await PendingDeliveryAsync(database);
        var server = new ScriptedMailServer(failures: int.MaxValue);
        var sender = Sender(database, server, Settings(maxAttempts: 3));
        await DrainAsync(sender, database);
        await sender.SendDueAsync(CancellationToken.None);

        var delivery = await LoadAsync(database, id);
        Assert.Equal((DeliveryState.Failed, 3), (delivery.State, delivery.Attempts));
        Assert.Equal("IOException: 451 try again later", delivery.LastError);
        Assert.Null(delivery.SentAt);
        Assert.Equal(3, server.Attempts.Count);
    }

    [Fact]
    public async Task A_sent_delivery_is_not_sent_again()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        await PendingDeliveryAsync(database);
        var server = new ScriptedMailServer(failures: 0);
        var sender = Sender(database, server, Settings(maxAttempts: 3));
        await DrainAsync(sender, database);
        await sender.SendDueAsync(CancellationToken.None);
        Assert.Single(server.Attempts);
    }

    [Fact]
    public async Task Two_senders_racing_send_a_delivery_once()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        for (var i = 0; i < 10; i++)
            await PendingDeliveryAsync(database);
        var server = new ScriptedMailServer(failures: 0);
        var settings = Settings(maxAttempts: 3);
        await Task.WhenAll(Sender(database, server, settings).SendDueAsync(CancellationToken.None), Sender(database, server, settings).SendDueAsync(CancellationToken.None));
        Assert.Equal(10, server.Accepted.Select(a => a.MessageId).Distinct().Count());
        Assert.Equal(10, server.Attempts.Count);
    }

    [Fact]
    public void The_e_mail_carries_the_stable_message_id_the_language_and_the_notice_kind()
    {
        var email = new OutgoingEmail("0123@notifications.accreditation", "ana@ngo.example", "fr", NoticeKinds.ApplicationReceived, "Candidature reçue", "Corps");
        using var message = SmtpEmailSender.Build(email, EmailSettings.DefaultFrom);
        Assert.Equal("0123@notifications.accreditation", message.MessageId);
        Assert.Equal("fr", message.Body?.Headers[HeaderId.ContentLanguage]);
        Assert.Equal(NoticeKinds.ApplicationReceived, message.Headers[SmtpEmailSender.KindHeader]);
        Assert.Equal("ana@ngo.example", ((MailboxAddress)message.To.Single()).Address);
        Assert.Equal("Corps", message.TextBody);
    }

    [Fact]
    public void Only_a_failed_delivery_can_be_retried_and_it_gets_a_fresh_set_of_attempts()
    {
        var draft = NoticePlanner.For(SampleEvents.Submitted())[1];
        var notice = Notice.Create(draft, NoticeTemplates.Embedded.Render(draft, "en"), Guid.NewGuid(), SampleEvents.At);
        var delivery = Delivery.Create(notice, new Addressee("a@b.example", "en"), NoticeTemplates.Embedded.Render(draft, "en"), SampleEvents.At, SampleEvents.At);
        Assert.ThrowsAny<Exception>(() => delivery.Retry(SampleEvents.At));
        var policy = new RetryPolicy(1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        delivery.RecordFailure("refused", SampleEvents.At, policy);
        Assert.Equal(DeliveryState.Failed, delivery.State);
        delivery.Retry(SampleEvents.At.AddHours(1));
        Assert.Equal((DeliveryState.Pending, 0, SampleEvents.At.AddHours(1)), (delivery.State, delivery.Attempts, delivery.NextAttemptAt));
    }
}
