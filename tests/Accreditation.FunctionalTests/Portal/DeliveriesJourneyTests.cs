using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.FunctionalTests.Portal.Infrastructure;
using Microsoft.Playwright;
using static Accreditation.FunctionalTests.Portal.PortalSteps;
using static Microsoft.Playwright.Assertions;
using InboxV1 = Accreditation.Notifications.V1;

namespace Accreditation.FunctionalTests.Portal;

/// <summary>
/// E-mail deliveries in the portal: those that failed while the mail server was down, listed for
/// the secretariat in its language, and one sent again by an officer once the server is back.
/// </summary>
public sealed class DeliveriesJourneyTests(MailOutagePortalSystem portal) : IClassFixture<MailOutagePortalSystem>
{
    SystemFixture System => portal.System;
    Clients Api => new(System);

    [Fact]
    public async Task An_officer_sees_the_deliveries_that_failed_while_the_mail_server_was_down_and_sends_one_again_once_it_is_back()
    {
        var pages = new PortalPages(System, "fr");
        var t = pages.T;
        var officerToken = await System.OfficerTokenAsync();
        var user = await System.SignUpOrganizationUserAsync("fr");
        var organization = await Api.CreateOrganizationAsync(user, "Courrier Perdu Association");
        await Api.ApplyAsync(user, organization, await Api.CreateDialogueAsync(officerToken));
        await SystemFixture.EventuallyAsync(FailedAsync, d => d.Any(IsReceipt), "the organization's receipt to fail", seconds: 60);

        var officer = System.System.Credentials.Officer;
        var page = await portal.Browser.OpenPortalAsync(System, "fr", bypassContentSecurityPolicy: true);
        await page.GotoAsync("/fr/secretariat/deliveries");
        await SignInAsync(page, t, officer.Email, officer.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(t["E-mail deliveries"]);
        var failed = page.GetByRole(AriaRole.Table, new() { Name = t["E-mail deliveries"] }).Locator("tbody tr");
        var receipt = failed.Filter(new() { HasText = user.Email }).Filter(new() { HasText = "(application-received, fr)" });
        // The e-mail's subject, as the organization would have read it (in French).
        await Expect(receipt.Locator("td").Nth(1)).ToContainTextAsync("Candidature reçue");
        await Expect(receipt.Locator("td").Nth(4)).ToHaveTextAsync(MailOutagePortalSystem.Attempts.ToString());
        await pages.CheckAsync(page, "deliveries-failed");

        // The mail server is back: the officer sends the organization's receipt again.
        await using var smtp = await portal.MailServerBackAsync();
        await receipt.GetByRole(AriaRole.Button, new() { Name = t["Retry"], Exact = false }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t["The delivery is back in the queue."]);
        await Expect(receipt).ToHaveCountAsync(0);

        await SystemFixture.EventuallyAsync(() => Task.FromResult(smtp.Received()), m => m.Count > 0, "the e-mail to arrive", seconds: 60);
        var arrived = Assert.Single(smtp.Received());
        Assert.Equal(user.Email, arrived.To.Mailboxes.Single().Address);
        // Only that one was sent again: the secretariat's notice of the same application is still failed.
        await page.GetByLabel(t["Deliveries"]).SelectOptionAsync(InboxV1.DeliveryState.Sent.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = t["Show"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = t["E-mail deliveries"] }).Locator("tbody tr")
            .Filter(new() { HasText = user.Email }).Filter(new() { HasText = "(application-received, fr)" })).ToHaveCountAsync(1);
        await pages.CheckAsync(page, "deliveries-sent");
        Assert.DoesNotContain(await FailedAsync(), IsReceipt);
        Assert.Contains(await FailedAsync(), d => d.Address == MailOutagePortalSystem.Secretariat);
        pages.NothingUntranslated();

        bool IsReceipt(InboxV1.Delivery d) => d.Address == user.Email && d.Kind == "application-received";

        async Task<IReadOnlyList<InboxV1.Delivery>> FailedAsync() =>
            (await new InboxV1.DeliveryService.DeliveryServiceClient(System.Grpc).ListDeliveriesAsync(
                new InboxV1.ListDeliveriesRequest { State = InboxV1.DeliveryState.Failed }, SystemFixture.Bearer(officerToken))).Deliveries;
    }
}

/// <summary>The portal's host with its mail server down until a test brings it back, and a few fast retries.</summary>
public sealed class MailOutagePortalSystem : IAsyncLifetime
{
    public const string Secretariat = "screening@un.example";
    public const int Attempts = 2;
    readonly ReservedPort _smtpPort = new();

    public SystemFixture System { get; private set; } = null!;
    public Browser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        System = new SystemFixture(SystemFixture.MailServerDownSettings(_smtpPort.Port, Secretariat, Attempts));
        await System.InitializeAsync();
        Browser = await Browser.LaunchAsync();
    }

    /// <summary>Starts the mail server on the port the system was configured with.</summary>
    public async Task<SmtpSink> MailServerBackAsync()
    {
        _smtpPort.Release();
        return await SmtpSink.StartAsync(_smtpPort.Port);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await System.DisposeAsync();
        _smtpPort.Dispose();
    }
}
