using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.Notifications.Email;
using MimeKit;
using InboxV1 = Accreditation.Notifications.V1;
using ObjectionsV1 = Accreditation.Objections.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Notifications;

/// <summary>
/// Issue 5's proof: the whole path through a standalone system whose Notifications service sends
/// through a real SMTP server on loopback; every party gets exactly its e-mails, in its language,
/// once, even after every event has been published a second time.
/// </summary>
public sealed class EmailNotificationTests : MailedSystemTest
{
    const string Secretariat = "accreditation@un.example";
    const string Austria = "mission@aut.example";
    const string Mexico = "mision@mex.example";

    protected override Dictionary<string, string?> Settings(SmtpSink smtp)
    {
        var settings = SystemFixture.MailSettings(smtp);
        settings["Notifications:Recipients:secretariat:Email"] = Secretariat;
        settings["Notifications:Recipients:state:AUT:Email"] = Austria;
        settings["Notifications:Recipients:state:AUT:Language"] = "en";
        settings["Notifications:Recipients:state:MEX:Email"] = Mexico;
        settings["Notifications:Recipients:state:MEX:Language"] = "es";
        return settings;
    }

    [Fact]
    public async Task Every_party_receives_exactly_its_e_mails_in_its_language_once_even_after_every_event_is_redelivered()
    {
        var officer = await Mailed.OfficerTokenAsync();
        var dialogue = await Api.CreateDialogueAsync(officer, RegistrationV1.ObjectionEffect.Exclude);
        var french = await Mailed.SignUpOrganizationUserAsync("fr");
        var objected = await Api.CreateOrganizationAsync(french, "Réseau Migrants Solidarité");
        var objectedApplication = await Api.ApplyAsync(french, objected, dialogue);
        var spanish = await Mailed.SignUpOrganizationUserAsync("es");
        var admitted = await Api.CreateOrganizationAsync(spanish, "Red de Estudios Migratorios");
        var admittedApplication = await Api.ApplyAsync(spanish, admitted, dialogue);
        await Api.ScreenEligibleAsync(officer, objectedApplication);
        await Api.ScreenEligibleAsync(officer, admittedApplication);
        await Api.CirculateAsync(officer, dialogue, TimeSpan.FromDays(1));
        var austria = await Mailed.StateTokenAsync("AUT");
        await Api.CirculatedAsync(austria, dialogue, expected: 2);
        await Api.ObjectAsync(austria, objectedApplication, "Activities outside the scope of the Protocol");
        Mailed.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await SystemFixture.EventuallyAsync(() => Api.GetAsync(french, objectedApplication),
            a => a.State == RegistrationV1.ApplicationState.NotAdmitted, "the objected application to be decided");

        var expected = new[]
        {
            (french.Email, "application-received", "fr"), (french.Email, "application-eligible", "fr"),
            (french.Email, "application-circulated", "fr"), (french.Email, "application-not-admitted", "fr"),
            (spanish.Email, "application-received", "es"), (spanish.Email, "application-eligible", "es"),
            (spanish.Email, "application-circulated", "es"), (spanish.Email, "application-admitted", "es"),
            (Secretariat, "application-awaiting-screening", "en"), (Secretariat, "application-awaiting-screening", "en"),
            (Secretariat, "objection-filed", "en"), (Secretariat, "objection-window-closed", "en"),
            (Secretariat, "application-decided", "en"), (Secretariat, "application-decided", "en"),
            (Austria, "circulation-note", "en"), (Austria, "objection-receipt", "en"),
            (Mexico, "circulation-note", "es"),
            (french.Email, "email-confirmation", "fr"), (spanish.Email, "email-confirmation", "es"),
        }.Select(e => $"{e.Item1} {e.Item2} {e.Item3}").Order(StringComparer.Ordinal).ToList();

        await SystemFixture.EventuallyAsync(() => Task.FromResult(string.Join("; ", Summary(Smtp.Received()))),
            mail => mail.Split("; ").Length >= expected.Count, "every e-mail to reach the SMTP server");
        await SystemFixture.EventuallyAsync(() => DeliveriesAsync(officer),
            d => d.Count == expected.Count && d.All(x => x.State == InboxV1.DeliveryState.Sent), "every delivery to be recorded as sent");
        await Task.Delay(TimeSpan.FromSeconds(1)); // anything extra would arrive now
        var received = Smtp.Received();
        Assert.Equal(expected, Summary(received));
        AssertWrittenInTheirLanguage(received, french.Email, spanish.Email);
        Assert.All(received.Where(m => Address(m) == french.Email), m => Assert.DoesNotContain("AUT", m.Subject + m.TextBody));
        Assert.Equal(received.Count, received.Select(m => m.MessageId).Distinct().Count());

        // Every event published again, with its original message id, as a crashed dispatcher would.
        var republished = Databases.Publishers.Sum(service =>
            Databases.Execute(Mailed, service, "UPDATE OutboxMessages SET SentAt = NULL, NextAttemptAt = NULL, Attempts = 0"));
        Assert.True(republished >= 10, $"only {republished} events to redeliver");
        await SystemFixture.EventuallyAsync(
            () => Task.FromResult(Databases.Publishers.Sum(s => Databases.Scalar(Mailed, s, "SELECT COUNT(*) FROM OutboxMessages WHERE SentAt IS NULL"))),
            pending => pending == 0, "every event to be published again");
        await Task.Delay(TimeSpan.FromSeconds(3)); // consumers and the sender have had their chance

        Assert.Equal(expected, Summary(Smtp.Received()));
        Assert.Equal(expected.Count, (await DeliveriesAsync(officer)).Count);
        var frenchInbox = await Api.NoticesAsync(french.Token);
        Assert.Equal(4, frenchInbox.Count);
        Assert.All(frenchInbox, n => Assert.Equal("fr", n.Language));
        var secretariatInbox = await Api.NoticesAsync(officer);
        Assert.Equal(6, secretariatInbox.Count);
    }

    [Fact]
    public async Task A_failed_sign_up_publishes_nothing()
    {
        var accounts = new Accreditation.Identity.V1.AccountService.AccountServiceClient(Mailed.Grpc);
        const string email = "weak-password@example.org";
        await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => accounts.SignUpAsync(
            new Accreditation.Identity.V1.SignUpRequest { Email = email, Password = "short", Language = "fr" }, SystemFixture.Anonymous).ResponseAsync);
        var user = await Mailed.SignUpOrganizationUserAsync("fr");

        Assert.Equal(0, Databases.Scalar(Mailed, "identity", $"SELECT COUNT(*) FROM OutboxMessages WHERE Payload LIKE '%{email}%'"));
        // AccountRegistered and EmailConfirmationRequested.
        Assert.Equal(2, Databases.Scalar(Mailed, "identity", $"SELECT COUNT(*) FROM OutboxMessages WHERE Payload LIKE '%{user.Email}%'"));
        await SystemFixture.EventuallyAsync(
            () => Task.FromResult(Databases.Scalar(Mailed, "notifications", $"SELECT COUNT(*) FROM Accounts WHERE Email = '{user.Email}' AND Language = 'fr'")),
            count => count == 1, "the account to reach Notifications");
    }

    async Task<IReadOnlyList<InboxV1.Delivery>> DeliveriesAsync(string token) =>
        (await new InboxV1.DeliveryService.DeliveryServiceClient(Mailed.Grpc)
            .ListDeliveriesAsync(new InboxV1.ListDeliveriesRequest { PageSize = 200 }, SystemFixture.Bearer(token))).Deliveries;

    static string Address(MimeMessage message) => ((MailboxAddress)message.To.Single()).Address;

    static List<string> Summary(IEnumerable<MimeMessage> messages) => messages
        .Select(m => $"{Address(m)} {m.Headers[SmtpEmailSender.KindHeader]} {m.Body?.Headers[HeaderId.ContentLanguage]}")
        .Order(StringComparer.Ordinal).ToList();

    static void AssertWrittenInTheirLanguage(IReadOnlyList<MimeMessage> received, string french, string spanish)
    {
        string SubjectOf(string to, string kind) => received.Single(m => Address(m) == to && m.Headers[SmtpEmailSender.KindHeader] == kind).Subject ?? "";
        Assert.StartsWith("Candidature reçue", SubjectOf(french, "application-received"));
        Assert.StartsWith("Solicitud recibida", SubjectOf(spanish, "application-received"));
        Assert.StartsWith("Solicitantes comunicados", SubjectOf(Mexico, "circulation-note"));
        Assert.StartsWith("Applicants circulated", SubjectOf(Austria, "circulation-note"));
    }
}
