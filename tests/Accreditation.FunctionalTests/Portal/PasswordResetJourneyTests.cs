using Accreditation.FunctionalTests.Portal.Infrastructure;
using Microsoft.Playwright;
using static Accreditation.FunctionalTests.Portal.PortalSteps;
using static Microsoft.Playwright.Assertions;

namespace Accreditation.FunctionalTests.Portal;

/// <summary>Access tokens of a few seconds: every page the portal serves renews its session's token.</summary>
public sealed class RenewingPortalSystem : PortalSystem
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Identity:AccessTokenLifetime"] = "00:00:05",
    };
}

/// <summary>A forgotten password, reset from the e-mailed link: the new one works and every other session ends.</summary>
public sealed class PasswordResetJourneyTests(RenewingPortalSystem portal) : IClassFixture<RenewingPortalSystem>
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task A_person_resets_a_forgotten_password_by_e_mail_and_the_session_elsewhere_ends(string culture)
    {
        var pages = new PortalPages(portal.System, culture);
        var t = pages.T;
        var user = await portal.System.SignUpOrganizationUserAsync(culture);

        // Signed in on one computer; its session renews its token page after page.
        var office = await portal.Browser.OpenPortalAsync(portal.System, culture, bypassContentSecurityPolicy: true);
        await SignInAsync(office, t, user.Email);
        await Expect(office.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(t["Your applications"]);
        await office.ReloadAsync();
        await Expect(office.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(t["Your applications"]);

        // On another, the password is forgotten.
        var home = await portal.Browser.OpenPortalAsync(portal.System, culture, bypassContentSecurityPolicy: true);
        await home.GotoAsync($"/{culture}/sign-in");
        await home.GetByRole(AriaRole.Link, new() { Name = t["Forgot your password?"] }).ClickAsync();
        await pages.CheckAsync(home, "forgot-password");
        await home.GetByLabel(t["E-mail"]).FillAsync(user.Email);
        await home.GetByRole(AriaRole.Button, new() { Name = t["Send me a code"] }).ClickAsync();
        await Expect(home.GetByRole(AriaRole.Status)).ToContainTextAsync(t["If an account has this address, a code to choose a new password is on its way."]);

        await home.GotoAsync(await portal.System.LinkFromMailAsync(user.Email, "password-reset"));
        await Expect(home).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/{culture}/reset-password"));
        await pages.CheckAsync(home, "reset-password");
        // A weak password is refused next to its field, and the code stays usable.
        await home.GetByLabel(t["New password"], new() { Exact = true }).FillAsync("short");
        await home.GetByRole(AriaRole.Button, new() { Name = t["Set the new password"] }).ClickAsync();
        var refusal = home.Locator("[data-valmsg-for='Input.NewPassword']");
        await Expect(refusal).ToContainTextAsync(t["Please correct this value."]);
        // The service's reason (PASSWORD_TOO_WEAK) in the person's language, not Identity's English.
        await Expect(refusal).ToContainTextAsync(t.Refusal("PASSWORD_TOO_WEAK"));
        await pages.CheckAsync(home, "reset-password-refused");
        const string newPassword = "Another-Horse-43";
        await home.GetByLabel(t["New password"], new() { Exact = true }).FillAsync(newPassword);
        await home.GetByRole(AriaRole.Button, new() { Name = t["Set the new password"] }).ClickAsync();
        await Expect(home.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Your new password is set: sign in with it."]);
        await SignInAsync(home, t, user.Email, newPassword);
        await Expect(home.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(t["Your applications"]);

        // The first computer's session could not renew its token: it is signed out.
        await office.ReloadAsync();
        await Expect(office).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/{culture}/sign-in"));
        pages.NothingUntranslated();
    }
}
