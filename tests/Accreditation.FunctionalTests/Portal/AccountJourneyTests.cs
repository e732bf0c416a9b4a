using Accreditation.FunctionalTests.Portal.Infrastructure;
using Microsoft.Playwright;
using static Accreditation.FunctionalTests.Portal.PortalSteps;
using static Microsoft.Playwright.Assertions;

namespace Accreditation.FunctionalTests.Portal;

/// <summary>A person's account in the portal, in each of its three languages: sign up, confirm by e-mail, sign in and out.</summary>
public sealed class AccountJourneyTests(PortalSystem portal) : IClassFixture<PortalSystem>
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task A_person_signs_up_confirms_the_address_from_the_e_mail_and_signs_in(string culture)
    {
        var pages = new PortalPages(portal.System, culture);
        var t = pages.T;
        var page = await portal.Browser.OpenPortalAsync(portal.System, culture, bypassContentSecurityPolicy: true);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/{culture}$"));
        await pages.CheckAsync(page, "front-page");

        var email = $"journey-{culture}-{Guid.NewGuid():N}@example.org";
        await SignUpAsync(page, t, "Awa Ndiaye", email, language: culture);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Account created. We have sent a confirmation code to your address: enter it below, then sign in."]);
        await pages.CheckAsync(page, "confirm-email");

        // The e-mailed link has no language: it opens in the one this browser chose.
        var link = await portal.System.LinkFromMailAsync(email, "email-confirmation");
        await page.GotoAsync(link);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/{culture}/confirm-email"));
        await page.GetByRole(AriaRole.Button, new() { Name = t["Confirm"], Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Your address is confirmed: you can sign in."]);

        await SignInAsync(page, t, email, "not the password");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(t["Sign-in failed."]);
        await pages.CheckAsync(page, "sign-in-failed");

        await SignInAsync(page, t, email);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(t["Your applications"]);
        await pages.CheckAsync(page, "organization-home");

        await SignOutAsync(page, t);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t["You are signed out."]);
        await page.GotoAsync($"/{culture}/organization");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/{culture}/sign-in"));
        pages.NothingUntranslated();
    }

    [Fact]
    public async Task The_language_chosen_on_a_page_is_remembered_for_the_next_link_without_one()
    {
        var page = await portal.Browser.OpenPortalAsync(portal.System, "en");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "Español" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/es$"));
        await page.GotoAsync("/sign-in");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/es/sign-in$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
    }
}
