using Accreditation.FunctionalTests.Infrastructure;
using Microsoft.Playwright;
using static Accreditation.FunctionalTests.Portal.PortalSteps;
using static Microsoft.Playwright.Assertions;

namespace Accreditation.FunctionalTests.Portal;

/// <summary>
/// The portal with e-mail on (a real SMTP server on loopback): an account is confirmed from the
/// e-mailed link, and a colleague invited by e-mail joins the organization from the invitation's link.
/// </summary>
public sealed class PortalEmailTests : IAsyncLifetime
{
    SmtpSink _smtp = null!;
    SystemFixture _system = null!;
    Browser _browser = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpSink.StartAsync();
        _system = new SystemFixture(SystemFixture.MailSettings(_smtp)) { Mail = _smtp };
        await _system.InitializeAsync();
        _browser = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _system.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_confirmed_founder_invites_a_colleague_who_joins_from_the_e_mailed_link()
    {
        var founderEmail = $"founder-{Guid.NewGuid():N}@example.org";
        var founder = await _browser.OpenPortalAsync(_system);
        await SignUpAsync(founder, "Lucía Romero", founderEmail);
        await Expect(founder.GetByRole(AriaRole.Status)).ToContainTextAsync("confirmation code");
        await Expect(founder.GetByRole(AriaRole.Form, new() { Name = "Confirm your e-mail address" })).ToBeVisibleAsync();
        Assert.Equal("Sign in", await founder.Locator("#welcome-title").TextContentAsync()); // not signed in yet

        await ConfirmFromLinkAsync(founder, founderEmail);
        await SignInAsync(founder, founderEmail);
        var profile = founder.Locator("#organization-form");
        await profile.GetByLabel("Name", new() { Exact = true }).FillAsync("Red Andina contra la Trata");
        await profile.GetByLabel("Country of headquarters").FillAsync("PER");
        await profile.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(founder.Locator("#organization-profile")).ToContainTextAsync("Red Andina contra la Trata");

        var colleagueEmail = $"colleague-{Guid.NewGuid():N}@example.org";
        var invite = founder.GetByRole(AriaRole.Form, new() { Name = "Invite a colleague" });
        await invite.GetByLabel("Colleague's e-mail").FillAsync(colleagueEmail);
        await invite.GetByLabel("Language of the invitation").SelectOptionAsync("es");
        await invite.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(founder.GetByRole(AriaRole.Status)).ToContainTextAsync($"Invitation sent to {colleagueEmail}");

        var colleague = await _browser.OpenPortalAsync(_system);
        await colleague.GotoAsync(await _system.LinkFromMailAsync(colleagueEmail, "member-invitation"));
        await Expect(colleague.GetByRole(AriaRole.Status)).ToContainTextAsync("to join the organization");
        await SignUpAsync(colleague, "Mateo Quispe", colleagueEmail);
        await ConfirmFromLinkAsync(colleague, colleagueEmail);
        await SignInAsync(colleague, colleagueEmail);
        await Expect(colleague.GetByRole(AriaRole.Status)).ToContainTextAsync("You have joined Red Andina contra la Trata");
        await Expect(colleague.Locator("#organization-profile")).ToContainTextAsync("Red Andina contra la Trata");
    }

    /// <summary>Opens the link of the confirmation e-mail: the portal fills in the form; the reader confirms.</summary>
    async Task ConfirmFromLinkAsync(IPage page, string email)
    {
        await page.GotoAsync(await _system.LinkFromMailAsync(email, "email-confirmation"));
        var confirm = page.GetByRole(AriaRole.Form, new() { Name = "Confirm your e-mail address" });
        await Expect(confirm.GetByLabel("E-mail")).ToHaveValueAsync(email);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("confirmed");
    }
}
