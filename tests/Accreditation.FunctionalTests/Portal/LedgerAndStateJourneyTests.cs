using System.Text.RegularExpressions;
using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.FunctionalTests.Portal.Infrastructure;
using Accreditation.Portal.Pages.Secretariat.Ledger;
using Accreditation.Registration.Domain.Ledger;
using Microsoft.Playwright;
using static Accreditation.FunctionalTests.Portal.PortalSteps;
using static Microsoft.Playwright.Assertions;
using AccountsV1 = Accreditation.Identity.V1;
using ObjectionsV1 = Accreditation.Objections.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Portal;

/// <summary>
/// An auditor's ledger and a State user's objections in the portal, in each of its three
/// languages: the ledger searched, verified (the result in words) and exported, the export checked
/// by the offline verifier an auditor runs; an objection filed and withdrawn on the State's page,
/// and the forms gone once the window has closed.
/// </summary>
public sealed class LedgerAndStateJourneyTests(PortalSystem portal) : IClassFixture<PortalSystem>
{
    SystemFixture System => portal.System;
    Clients Api => new(System);

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task An_auditor_searches_and_verifies_the_ledger_and_its_JSON_export_passes_the_offline_verifier(string culture)
    {
        var pages = new PortalPages(System, culture);
        var t = pages.T;
        var (_, _, application) = await EligibleApplicationAsync($"Ledger Journey {culture} Alliance");
        var auditor = System.System.Credentials.Auditor;

        var page = await portal.Browser.OpenPortalAsync(System, culture, bypassContentSecurityPolicy: true);
        // The ledger asked for first: the sign-in leads back to it.
        await page.GotoAsync($"/{culture}/secretariat/ledger");
        await SignInAsync(page, t, auditor.Email, auditor.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(t["Decision ledger"]);

        var search = page.GetByRole(AriaRole.Form, new() { Name = t["Search the ledger"] });
        await search.GetByLabel(t["Application (identifier)"]).FillAsync(application.ApplicationId);
        await search.GetByRole(AriaRole.Button, new() { Name = t["Search", "Ledger.Index"] }).ClickAsync();
        var rows = page.GetByRole(AriaRole.Table, new() { Name = t["Entries", "Ledger.Index"] }).Locator("tbody tr");
        // Submitted, then found eligible: two changes of state of this application, and nothing else.
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Last).ToContainTextAsync(t["Change of state"]);
        await Expect(rows.Last).ToContainTextAsync(t["Eligible", "SharedResource"]);
        await pages.CheckAsync(page, "ledger-search");

        await page.GetByRole(AriaRole.Link, new() { Name = t["Verify the ledger"] }).ClickAsync();
        await page.GetByRole(AriaRole.Form, new() { Name = t["Run a verification"] }).GetByRole(AriaRole.Button, new() { Name = t["Verify the ledger"] }).ClickAsync();
        var verdict = page.GetByRole(AriaRole.Region, new() { Name = t["The ledger verified"] });
        await Expect(verdict).ToContainTextAsync(t["The ledger is intact."]);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = t["Latest signed tree head"] })).ToBeVisibleAsync();
        await pages.CheckAsync(page, "ledger-verified");

        await page.GotoAsync($"/{culture}/secretariat/ledger/export");
        await pages.CheckAsync(page, "ledger-export");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = t["Download as JSON"] }).ClickAsync());
        Assert.Matches(@"^ledger-\d+\.json$", download.SuggestedFilename);
        var file = Path.Combine(System.DataDirectory, $"journey-{culture}-{download.SuggestedFilename}");
        await download.SaveAsAsync(file);
        var (code, output) = LedgerVerifierTool.Run("verify", file);
        Assert.True(code == 0, output);
        Assert.StartsWith("OK", output);
        Assert.Contains(application.ApplicationId, await File.ReadAllTextAsync(file));
        pages.NothingUntranslated();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task A_State_user_files_and_withdraws_an_objection_reads_its_inbox_sets_its_language_and_after_the_deadline_the_page_says_the_window_closed(string culture)
    {
        var pages = new PortalPages(System, culture);
        var t = pages.T;
        var name = $"Objection Journey {culture} Forum";
        var (officer, dialogue, application) = await EligibleApplicationAsync(name);
        await Api.CirculateAsync(officer, dialogue, TimeSpan.FromDays(2));
        var page = await portal.Browser.OpenPortalAsync(System, culture, bypassContentSecurityPolicy: true);
        // portal.js asks before a withdrawal; the State user says yes.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        var email = await StateUserAsync(page, t, officer, "KEN");
        await SignInAsync(page, t, email);
        await page.GetByRole(AriaRole.Navigation, new() { Name = t["Main"] }).GetByRole(AriaRole.Link, new() { Name = t["Circulated applicants"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(t["Circulated applicants"]);
        var applicant = page.GetByRole(AriaRole.Region, new() { Name = name, Exact = false });
        await pages.CheckAsync(page, "state-circulated");

        var file = applicant.GetByRole(AriaRole.Form, new() { Name = t["Object to this applicant"] });
        await file.GetByLabel(t["Grounds (optional)"]).FillAsync("Not a non-governmental organization.");
        await file.GetByRole(AriaRole.Button, new() { Name = t["File the objection"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Your objection is filed."]);
        await Expect(applicant).ToContainTextAsync("Not a non-governmental organization.");
        await Expect(applicant.GetByRole(AriaRole.Form, new() { Name = t["Object to this applicant"] })).ToHaveCountAsync(0);
        Assert.Single(await ObjectionsOfKenyaAsync(application), o => o.WithdrawnAt is null);
        await pages.CheckAsync(page, "state-objected");

        await applicant.GetByRole(AriaRole.Button, new() { Name = t["Withdraw the objection"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Your objection is withdrawn."]);
        Assert.All(await ObjectionsOfKenyaAsync(application), o => Assert.NotNull(o.WithdrawnAt));
        await Expect(applicant.GetByRole(AriaRole.Form, new() { Name = t["Object to this applicant"] })).ToHaveCountAsync(1);

        // The State's inbox: the circulation and the receipts of its objection, unread until marked so.
        await page.GetByRole(AriaRole.Navigation, new() { Name = t["Main"] }).GetByRole(AriaRole.Link, new() { Name = t["Inbox"], Exact = false }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(t["Inbox"]);
        var markRead = page.GetByRole(AriaRole.Button, new() { Name = t["Mark as read"], Exact = false });
        await Expect(markRead.First).ToBeVisibleAsync();
        var unread = await markRead.CountAsync();
        await pages.CheckAsync(page, "state-inbox");
        await markRead.First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t["The notice is marked as read."]);
        await Expect(markRead).ToHaveCountAsync(unread - 1);

        // The language of the State user's notices, changed on the account page.
        var other = culture == "es" ? "fr" : "es";
        await page.GetByRole(AriaRole.Navigation, new() { Name = t["Main"] }).GetByRole(AriaRole.Link, new() { Name = t["My account"] }).ClickAsync();
        var language = page.GetByRole(AriaRole.Form, new() { Name = t["Change the language of your notices"] });
        await Expect(language.GetByLabel(t["Language of notices"])).ToHaveValueAsync(culture);
        await language.GetByLabel(t["Language of notices"]).SelectOptionAsync(other);
        await language.GetByRole(AriaRole.Button, new() { Name = t["Save the language"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t.Format("Your notices will be written in {0}.", other == "fr" ? "Français" : "Español"));
        await Expect(language.GetByLabel(t["Language of notices"])).ToHaveValueAsync(other);
        await pages.CheckAsync(page, "state-account");

        // Past the deadline (the system's clock moved on, so the person signs in again): no form is left.
        System.Clock.Advance(TimeSpan.FromDays(3));
        await SignInAsync(page, t, email);
        await page.GotoAsync($"/{culture}/state");
        await Expect(applicant).ToContainTextAsync(t["The window for objections closed on {0}.", "Pages.State.Index"].Split("{0}")[0].Trim());
        await Expect(applicant.GetByRole(AriaRole.Form)).ToHaveCountAsync(0);
        await pages.CheckAsync(page, "state-window-closed");
        pages.NothingUntranslated();
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    public void Every_verification_problem_and_every_kind_of_ledger_entry_has_its_own_words_in_each_language(string culture)
    {
        var t = PortalText.For(culture);
        var problems = Enum.GetValues<RegistrationV1.VerificationProblem>().Select(LedgerWords.Problem).ToList();
        Assert.Equal(problems.Count, problems.Distinct().Count());
        Assert.All(problems, words => Assert.NotEqual(words, t[words, "Ledger.Verify"]));
        var kinds = typeof(LedgerKinds).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.NotEmpty(kinds);
        Assert.All(kinds, kind => Assert.NotEqual(kind, LedgerWords.Kind(kind)));
        Assert.All(kinds, kind => Assert.NotEqual(LedgerWords.Kind(kind), t[LedgerWords.Kind(kind), "Ledger.Index"]));
    }

    /// <summary>An organization's application to a new dialogue, found eligible by an officer: entries in the ledger, ready to circulate.</summary>
    async Task<(string Officer, RegistrationV1.Dialogue Dialogue, RegistrationV1.Application Application)> EligibleApplicationAsync(string organization)
    {
        var officer = await System.OfficerTokenAsync();
        var dialogue = await Api.CreateDialogueAsync(officer);
        var user = await System.SignUpOrganizationUserAsync();
        var application = await Api.ApplyAsync(user, await Api.CreateOrganizationAsync(user, organization), dialogue);
        await Api.ScreenEligibleAsync(officer, application);
        return (officer, dialogue, application);
    }

    /// <summary>Kenya's objections to the application, as its API client reads them (not through the portal).</summary>
    async Task<IReadOnlyList<ObjectionsV1.Objection>> ObjectionsOfKenyaAsync(RegistrationV1.Application application) =>
        (await Api.Objections.ListObjectionsAsync(new ObjectionsV1.ListObjectionsRequest { ApplicationId = application.ApplicationId },
            SystemFixture.Bearer(await System.StateTokenAsync("KEN")))).Objections;

    /// <summary>A State user created by an officer: the e-mailed link opens the portal's page that sets its password.</summary>
    async Task<string> StateUserAsync(IPage page, PortalText t, string officer, string state)
    {
        var email = $"state-{t.Culture}-{Guid.NewGuid():N}@mission.example.gov";
        await new AccountsV1.StateUserService.StateUserServiceClient(System.Grpc).CreateStateUserAsync(new AccountsV1.CreateStateUserRequest
        {
            Email = email, DisplayName = "Wanjiru Kamau", StateCode = state, Language = t.Culture,
        }, SystemFixture.Bearer(officer));
        await page.GotoAsync(await System.LinkFromMailAsync(email, "state-user-invited"));
        var form = page.GetByRole(AriaRole.Form, new() { Name = t["Choose a new password"] });
        await form.GetByLabel(t["New password"]).FillAsync(Password);
        await form.GetByRole(AriaRole.Button, new() { Name = t["Set the new password"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Your new password is set: sign in with it."]);
        return email;
    }
}
