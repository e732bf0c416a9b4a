using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.FunctionalTests.Portal.Infrastructure;
using Microsoft.Playwright;
using static Accreditation.FunctionalTests.Portal.PortalSteps;
using static Microsoft.Playwright.Assertions;

namespace Accreditation.FunctionalTests.Portal;

/// <summary>What the portal keeps from the browser and what it refuses to run.</summary>
[Collection(SystemCollection.Name)]
public sealed class PortalSecurityTests(SystemFixture system) : IAsyncLifetime
{
    Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Browser.LaunchAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task Every_page_forbids_scripts_from_anywhere_but_the_portal_and_inline()
    {
        foreach (var path in new[] { "/en", "/fr/sign-in", "/es/sign-up", "/en/no-such-page" })
        {
            using var response = await system.Http.GetAsync(path);
            var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", policy);
            Assert.Contains("frame-ancestors 'none'", policy);
            Assert.DoesNotContain("unsafe-inline", policy);
        }
    }

    [Fact]
    public async Task A_signed_in_browser_holds_only_an_opaque_session_cookie_never_a_token()
    {
        var user = await system.SignUpOrganizationUserAsync();
        var page = await _browser.OpenPortalAsync(system, "en");
        var t = PortalText.For("en");
        await SignInAsync(page, t, user.Email);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(t["Your applications"]);

        var cookies = await page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "accreditation-session");
        Assert.True(session.HttpOnly);
        // A JWT starts with eyJ ("{" in base64): none is in any cookie or in the page's storage.
        Assert.DoesNotContain(cookies, c => c.Value.Contains("eyJ", StringComparison.Ordinal));
        var storage = await page.EvaluateAsync<string>("() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage)");
        Assert.DoesNotContain("eyJ", storage);
    }

    [Fact]
    public async Task What_an_organization_types_is_shown_as_text_to_it_and_to_the_secretariat_and_never_runs()
    {
        const string name = "<img src=x onerror=\"window.injected = 1\"> Script Kiddies Inc.";
        var api = new Clients(system);
        var user = await system.SignUpOrganizationUserAsync();
        var organization = await api.CreateOrganizationAsync(user, name);
        var dialogue = await api.CreateDialogueAsync(await system.OfficerTokenAsync());
        await api.ApplyAsync(user, organization, dialogue);
        var t = PortalText.For("en");

        var own = await _browser.OpenPortalAsync(system, "en");
        await SignInAsync(own, t, user.Email);
        await own.GotoAsync("/en/profile");
        await Expect(own.GetByText(name).First).ToBeVisibleAsync();
        Assert.Equal(0, await own.Locator("main img").CountAsync());
        Assert.True(await own.EvaluateAsync<bool>("() => window.injected === undefined"));

        var officer = system.System.Credentials.Officer;
        var secretariat = await _browser.OpenPortalAsync(system, "en");
        await SignInAsync(secretariat, t, officer.Email, officer.Password);
        await secretariat.GotoAsync($"/en/secretariat/screening?dialogue={dialogue.DialogueId}");
        await Expect(secretariat.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        Assert.Equal(0, await secretariat.Locator("main img").CountAsync());
        Assert.True(await secretariat.EvaluateAsync<bool>("() => window.injected === undefined"));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        var email = $"forged-{Guid.NewGuid():N}@example.org";
        using var response = await system.Http.PostAsync("/en/sign-up", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Forged", ["Input.Email"] = email, ["Input.Password"] = Password, ["Input.Language"] = "en",
        }));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        // No account was made: its password does not sign in.
        var (signedIn, _) = await system.TokenRequestAsync(new() { ["grant_type"] = "password", ["client_id"] = "portal", ["username"] = email, ["password"] = Password });
        Assert.False(signedIn);
    }
}
