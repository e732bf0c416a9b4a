using System.Text.Json;
using Accreditation.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Playwright;
using static Accreditation.FunctionalTests.Portal.PortalSteps;
using static Microsoft.Playwright.Assertions;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Portal;

/// <summary>The organizations' portal in a real browser (Debian's Chromium), served by the gateway.</summary>
[Collection(SystemCollection.Name)]
public sealed class PortalTests(SystemFixture system) : IAsyncLifetime
{
    readonly Clients _api = new(system);
    Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Browser.LaunchAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task An_organization_signs_up_describes_itself_applies_and_follows_its_application_in_the_portal()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await OpenDialogueAsync(officer);
        var page = await _browser.OpenPortalAsync(system);

        await SignUpAsync(page, "Awa Ndiaye", $"portal-{Guid.NewGuid():N}@example.org", language: "fr");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Account created");

        var profile = page.Locator("#organization-form");
        await profile.GetByLabel("Name", new() { Exact = true }).FillAsync("Réseau Sahel Migrations");
        await profile.GetByLabel("Acronym").FillAsync("RSM");
        await profile.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Non-governmental organization" });
        await profile.GetByLabel("Country of headquarters").FillAsync("sen");
        await profile.GetByLabel("Website").FillAsync("https://rsm.example.org");
        await profile.GetByLabel("Areas of work").FillAsync("smuggling of migrants, protection");
        await profile.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(page.Locator("#organization-profile")).ToContainTextAsync("Réseau Sahel Migrations");
        await Expect(page.Locator("#organization-profile")).ToContainTextAsync("SEN");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Apply to the {dialogue.WorkingGroup}, {dialogue.Session}" }).ClickAsync();
        var row = page.Locator("#application-rows tr", new() { HasText = dialogue.Session });
        await Expect(row).ToContainTextAsync("Submitted");

        // The secretariat screens it; the organization sees the new status and its history.
        var application = (await _api.Applications.ListApplicationsAsync(new RegistrationV1.ListApplicationsRequest { DialogueId = dialogue.DialogueId },
            SystemFixture.Bearer(officer))).Applications.Single();
        await _api.ScreenEligibleAsync(officer, application);
        await page.ReloadAsync();
        await Expect(row).ToContainTextAsync("Eligible");
        await row.GetByRole(AriaRole.Button, new() { Name = "History" }).ClickAsync();
        await Expect(page.Locator("#history-list li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#history-list li").Last).ToContainTextAsync("Eligible");

        // Notices arrive through the bus, in French, and can be marked read.
        var notices = page.Locator("#notices li");
        await EventuallyAsync(page, async () => await notices.CountAsync() == 2);
        await Expect(notices.Filter(new() { HasText = "Candidature reçue" })).ToHaveCountAsync(1);
        await Expect(notices.Filter(new() { HasText = "Candidature jugée recevable" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#unread")).ToHaveTextAsync("2 unread");
        await notices.First.GetByRole(AriaRole.Button, new() { Name = "Mark as read" }).ClickAsync();
        await Expect(page.Locator("#unread")).ToHaveTextAsync("1 unread");
    }

    [Fact]
    public async Task What_an_organization_types_is_shown_as_text_and_never_runs_in_the_page()
    {
        var user = await system.SignUpOrganizationUserAsync();
        await _api.CreateOrganizationAsync(user, "<img src=x onerror=\"window.injected = 1\"> Script Kiddies Inc.");
        var page = await _browser.OpenPortalAsync(system);

        await SignInAsync(page, user.Email, "wrong password");
        await Expect(page.GetByRole(AriaRole.Alert)).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#welcome")).ToBeVisibleAsync();

        await SignInAsync(page, user.Email, Password);
        await Expect(page.Locator("#organization-profile")).ToContainTextAsync("<img src=x onerror=\"window.injected = 1\"> Script Kiddies Inc.");
        Assert.Equal(0, await page.Locator("#organization-profile img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.injected === undefined"));
        var headers = (await page.APIRequest.GetAsync("/")).Headers;
        Assert.Contains("script-src 'self'", headers["content-security-policy"]);
    }

    [Fact]
    public async Task The_portal_has_no_accessibility_violations_signed_out_or_signed_in()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await OpenDialogueAsync(officer);
        var user = await system.SignUpOrganizationUserAsync();
        var organization = await _api.CreateOrganizationAsync(user, "Accessible Futures Foundation");
        await _api.ApplyAsync(user, organization, dialogue);
        // axe-core is injected as an inline script, which the portal's own policy would refuse.
        var page = await _browser.OpenPortalAsync(system, bypassContentSecurityPolicy: true);

        Assert.Empty(await ViolationsAsync(page));
        await SignInAsync(page, user.Email, Password);
        await Expect(page.Locator("#application-rows tr")).ToHaveCountAsync(1);
        Assert.Empty(await ViolationsAsync(page));
    }

    /// <summary>axe-core's WCAG 2.1 A/AA rules on the page as it stands: "rule: help (nodes)" per violation.</summary>
    static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = AxeScript() });
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })).violations" +
            ".map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`)");
        return violations.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>axe-core from the repository's npm packages (package.json; scripts/test.sh installs them).</summary>
    static string AxeScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var axe = Path.Combine(dir.FullName, "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(axe))
                return axe;
        }
        throw new InvalidOperationException("node_modules/axe-core is missing: run `npm ci` at the repository root (scripts/test.sh does).");
    }

    async Task<RegistrationV1.Dialogue> OpenDialogueAsync(string officer)
    {
        var now = system.Clock.GetUtcNow();
        return (await _api.Dialogues.CreateDialogueAsync(new RegistrationV1.CreateDialogueRequest
        {
            WorkingGroup = "Working Group on Smuggling of Migrants",
            Session = $"session {Guid.NewGuid():N}"[..16],
            Date = now.AddDays(60).ToString("yyyy-MM-dd"),
            Venue = "Vienna and online",
            RegistrationOpensAt = Timestamp.FromDateTimeOffset(now.AddDays(-1)),
            RegistrationClosesAt = Timestamp.FromDateTimeOffset(now.AddDays(30)),
            ObjectionPeriodDays = 14,
            InPersonCapacity = 40,
            Policy = new RegistrationV1.DialoguePolicy
            {
                Circulation = RegistrationV1.CirculationPolicy.All, ObjectionEffect = RegistrationV1.ObjectionEffect.Exclude, RepresentativesPerOrganization = 2,
            },
        }, SystemFixture.Bearer(officer))).Dialogue;
    }

    /// <summary>Reloads the page until the condition holds: notices travel through the bus.</summary>
    static async Task EventuallyAsync(IPage page, Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 40 && !await condition(); attempt++)
        {
            await Task.Delay(250);
            await page.ReloadAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        Assert.True(await condition(), "the condition did not hold after 10 seconds of reloads");
    }
}
