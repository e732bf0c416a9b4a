using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.FunctionalTests.Portal.Infrastructure;
using Microsoft.Playwright;
using static Accreditation.FunctionalTests.Portal.PortalSteps;
using static Microsoft.Playwright.Assertions;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Portal;

/// <summary>An auditor pages through the ledger of a busy dialogue, forward and back, in each language.</summary>
public sealed class LedgerPagingJourneyTests(PortalSystem portal) : IClassFixture<PortalSystem>
{
    SystemFixture System => portal.System;
    Clients Api => new(System);

    static readonly Dictionary<string, string> FoundEligible = new() { ["en"] = "Found eligible", ["fr"] = "Jugée recevable", ["es"] = "Considerada admisible" };

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task An_auditor_pages_through_a_busy_dialogues_ledger_and_back(string culture)
    {
        var pages = new PortalPages(System, culture);
        var t = pages.T;
        // 27 applications submitted and screened: 54 entries, more than the page of 50.
        var officerToken = await System.OfficerTokenAsync();
        var dialogue = await Api.CreateDialogueAsync(officerToken);
        var user = await System.SignUpOrganizationUserAsync();
        var applications = new List<RegistrationV1.Application>();
        for (var i = 1; i <= 27; i++)
        {
            var application = await Api.ApplyAsync(user, await Api.CreateOrganizationAsync(user, $"Ledger Page {culture} {i:00} Network"), dialogue);
            await Api.ScreenEligibleAsync(officerToken, application);
            applications.Add(application);
        }

        var auditor = System.System.Credentials.Auditor;
        var page = await portal.Browser.OpenPortalAsync(System, culture, bypassContentSecurityPolicy: true);
        await page.GotoAsync($"/{culture}/secretariat/ledger");
        await SignInAsync(page, t, auditor.Email, auditor.Password);
        var search = page.GetByRole(AriaRole.Form, new() { Name = t["Search the ledger"] });
        await search.GetByLabel(t["Dialogue (identifier)"]).FillAsync(dialogue.DialogueId);
        await search.GetByRole(AriaRole.Button, new() { Name = t["Search", "Ledger.Index"] }).ClickAsync();
        var rows = page.GetByRole(AriaRole.Table, new() { Name = t["Entries", "Ledger.Index"] }).Locator("tbody tr");
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = t["Pages of entries"] });
        await Expect(rows).ToHaveCountAsync(50);
        await Expect(pager.GetByRole(AriaRole.Link, new() { Name = t["Previous entries"] })).ToHaveCountAsync(0);
        var firstPage = await rows.AllInnerTextsAsync();
        await pages.CheckAsync(page, "ledger-page-1");

        await pager.GetByRole(AriaRole.Link, new() { Name = t["Next entries"] }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(pager.GetByRole(AriaRole.Link, new() { Name = t["Next entries"] })).ToHaveCountAsync(0);
        // The last application's screening closes the dialogue's history.
        await Expect(rows.Last).ToContainTextAsync(t["Eligible", "SharedResource"]);
        await Expect(rows.Last).ToContainTextAsync($"({t["a secretariat officer", "Ledger.Index"]})");
        // The service's reason is worded in the page's language from the code the entry keeps.
        await Expect(rows.Last).ToContainTextAsync(FoundEligible[culture]);
        Assert.Empty((await rows.AllInnerTextsAsync()).Intersect(firstPage));
        await pages.CheckAsync(page, "ledger-page-2");

        await pager.GetByRole(AriaRole.Link, new() { Name = t["Previous entries"] }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(50);
        Assert.Equal(firstPage, await rows.AllInnerTextsAsync());
        pages.NothingUntranslated();
    }
}
