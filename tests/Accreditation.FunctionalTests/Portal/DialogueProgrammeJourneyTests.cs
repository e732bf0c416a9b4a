using System.Globalization;
using System.Text.RegularExpressions;
using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.FunctionalTests.Portal.Infrastructure;
using Microsoft.Playwright;
using static Accreditation.FunctionalTests.Portal.PortalSteps;
using static Microsoft.Playwright.Assertions;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Portal;

/// <summary>
/// The dialogue itself in the portal (issue 18), in each language: the officer builds the
/// programme and its panel, the organizations answer the panel invitation and ask for the floor
/// (one on behalf of another, which confirms), the officer orders the speakers and checks
/// representatives in on the day, an online representative joins by their link, and once the
/// dialogue is over anyone reads its public page. Admissions and nominations go through the API,
/// as the other journeys take the steps that are not theirs.
/// </summary>
public sealed class DialogueProgrammeJourneyTests(PortalSystem portal) : IClassFixture<PortalSystem>
{
    const string MeetingUrl = "https://meet.example.org/constructive-dialogue";

    readonly ParticipationSteps _steps = new(portal.System);

    SystemFixture System => portal.System;

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task An_officer_builds_the_programme_and_panel_organizations_answer_and_ask_for_the_floor_and_the_public_page_shows_what_was_published(string culture)
    {
        var pages = new PortalPages(System, culture);
        var t = pages.T;
        string T(string english, string resource) => t[english, resource];
        string F(string english, string resource, params object[] values) => string.Format(CultureInfo.GetCultureInfo(culture), t[english, resource], values);
        const string Sec = "Secretariat.", Org = "Organization.";
        var officerToken = await System.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officerToken, daysAhead: 2);
        var alliance = await _steps.AdmittedAsync(officerToken, dialogue, $"Alliance Against Trafficking {culture}");
        var bridges = await _steps.AdmittedAsync(officerToken, dialogue, $"Bridges Migrant Network {culture}");
        var centre = await _steps.AdmittedAsync(officerToken, dialogue, $"Centre for Criminology {culture}");
        var ana = await _steps.NominateAsync(alliance, "Ana Alliance");
        var bea = await _steps.NominateAsync(bridges, "Bea Bridges");
        var carla = await _steps.NominateAsync(centre, "Carla Centre", RegistrationV1.AttendanceMode.Online);

        // The officer: the programme from the dialogue's dashboard.
        var officer = System.System.Credentials.Officer;
        var page = await portal.Browser.OpenPortalAsync(System, culture, bypassContentSecurityPolicy: true);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await SignInAsync(page, t, officer.Email, officer.Password);
        await page.GotoAsync($"/{culture}/secretariat/dialogues/{dialogue.DialogueId}");
        await page.GetByRole(AriaRole.Link, new() { Name = T("Programme, panels and speakers", Sec + "Dialogue") }).ClickAsync();
        var programme = page.GetByRole(AriaRole.Form, new() { Name = T("Series, working groups and chairs", Sec + "Programme") });
        await programme.GetByLabel(T("Series (e.g. 2022 constructive dialogues)", Sec + "Programme")).FillAsync($"2023 constructive dialogues {culture}");
        await programme.GetByLabel(T("Online meeting address (https://...)", Sec + "Programme")).FillAsync(MeetingUrl);
        await programme.GetByLabel(F("Working group {0}", Sec + "Programme", 1), new() { Exact = true }).FillAsync("Working Group on International Cooperation");
        await programme.GetByLabel(F("Session of working group {0}", Sec + "Programme", 1), new() { Exact = true }).FillAsync("fourteenth session");
        await programme.GetByLabel(F("Working group {0}", Sec + "Programme", 2), new() { Exact = true }).FillAsync("Working Group on Technical Assistance");
        await programme.GetByLabel(F("Session of working group {0}", Sec + "Programme", 2), new() { Exact = true }).FillAsync("fifteenth session");
        await programme.GetByLabel(F("Name {0}", Sec + "Programme", 1), new() { Exact = true }).FillAsync("Ms. Maria Chair");
        await programme.GetByLabel(F("Title {0}", Sec + "Programme", 1), new() { Exact = true }).FillAsync("Chair of the Working Group");
        await programme.GetByLabel(F("Name {0}", Sec + "Programme", 2), new() { Exact = true }).FillAsync("Mr. Omar Cochair");
        await programme.GetByLabel(F("Role {0}", Sec + "Programme", 2), new() { Exact = true }).SelectOptionAsync(RegistrationV1.ChairRole.CoChair.ToString());
        await programme.GetByRole(AriaRole.Button, new() { Name = T("Save the programme", Sec + "Programme") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(T("Programme saved.", Sec + "SecretariatText"));
        await Expect(page.Locator("dl.facts").First).ToContainTextAsync("Working Group on Technical Assistance, fifteenth session");
        await Expect(page.Locator("dl.facts").First).ToContainTextAsync("Mr. Omar Cochair");

        foreach (var (number, title, kind) in new[]
                 {
                     (2, "Briefing by the secretariat", RegistrationV1.AgendaItemKind.Briefing),
                     (3, "Panel discussion", RegistrationV1.AgendaItemKind.Panel),
                     (4, "Collection of inputs", RegistrationV1.AgendaItemKind.CollectionOfInputs),
                 })
        {
            var item = page.GetByRole(AriaRole.Form, new() { Name = T("Add an agenda item", Sec + "Programme") });
            await item.GetByLabel(T("Number", Sec + "Programme")).FillAsync(number.ToString(CultureInfo.InvariantCulture));
            await item.GetByLabel(T("Title", Sec + "Programme")).FillAsync(title);
            await item.GetByLabel(T("Kind", Sec + "Programme")).SelectOptionAsync(kind.ToString());
            await item.GetByRole(AriaRole.Button, new() { Name = T("Add the item", Sec + "Programme") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(F("Agenda item {0} added.", Sec + "SecretariatText", number));
        }
        var document = page.GetByRole(AriaRole.Form, new() { Name = T("Add a meeting document", Sec + "Programme") });
        await document.GetByLabel(T("Symbol (e.g. CTOC/COP/WG.2/2023/CRP.1)", Sec + "Programme")).FillAsync("CTOC/COP/WG.2/2023/CRP.1");
        await document.GetByLabel(T("Title", Sec + "Programme")).FillAsync("Background paper");
        await document.GetByLabel(T("Agenda item", Sec + "Programme")).SelectOptionAsync(new SelectOptionValue { Label = F("Item {0}. {1}", "Programme.ProgrammeText", 3, "Panel discussion") });
        await document.GetByLabel(T("The PDF (optional)", Sec + "Programme")).SetInputFilesAsync(new FilePayload
        {
            Name = "crp1.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n% background paper\n"u8.ToArray(),
        });
        await document.GetByRole(AriaRole.Button, new() { Name = T("Add the document", Sec + "Programme") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(F("Meeting document {0} added.", Sec + "SecretariatText", "CTOC/COP/WG.2/2023/CRP.1"));
        var agenda = page.GetByRole(AriaRole.Table, new() { Name = T("Agenda", Sec + "Programme") });
        await Expect(agenda.GetByRole(AriaRole.Row)).ToHaveCountAsync(4);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = T("Meeting documents", Sec + "Programme") })).ToContainTextAsync("crp1.pdf");
        await pages.CheckAsync(page, "dialogue-programme");
        // The Chair's summary draft, from Registration with the officer's token: a Word document.
        var draftLink = await page.GetByRole(AriaRole.Link, new() { Name = T("Draft in French (.docx)", Sec + "Programme") }).GetAttributeAsync("href");
        var draft = await page.Context.APIRequest.GetAsync(draftLink!);
        Assert.Equal(200, draft.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", draft.Headers["content-type"]);
        Assert.EndsWith("-fr.docx", draft.Headers["content-disposition"].Split("filename=")[1].Split(';')[0].Trim('"'));
        Assert.Equal("PK"u8.ToArray(), (await draft.BodyAsync())[..2]);

        // The panel: two representatives invited from two admitted organizations.
        await agenda.GetByRole(AriaRole.Link, new() { Name = "Panel discussion" }).ClickAsync();
        var panelPage = page.Url;
        foreach (var representative in new[] { ana, bea })
        {
            var invite = page.GetByRole(AriaRole.Form, new() { Name = T("Invite a panellist", Sec + "AgendaItem") });
            await invite.GetByLabel(T("Representative", Sec + "AgendaItem")).SelectOptionAsync(representative.RepresentativeId);
            await invite.GetByRole(AriaRole.Button, new() { Name = T("Invite to the panel", Sec + "AgendaItem") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(representative.FullName);
        }
        var panel = page.GetByRole(AriaRole.Table, new() { Name = T("Panel", Sec + "AgendaItem") });
        await Expect(panel.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ana Alliance" })).ToContainTextAsync(T("Invited, no answer yet", "Programme.ProgrammeText"));
        await pages.CheckAsync(page, "dialogue-panel-invited");

        // The alliance answers for Ana: she accepts.
        var allianceId = alliance.ApplicationId;
        var allianceTab = await OrganizationPageAsync(alliance, culture, t);
        await allianceTab.GotoAsync($"/{culture}/applications/{allianceId}");
        await allianceTab.GetByRole(AriaRole.Link, new() { Name = T("Programme, panels and speakers", Org + "Application") }).ClickAsync();
        var invitations = allianceTab.GetByRole(AriaRole.Table, new() { Name = T("Panel invitations", Org + "Programme") });
        await Expect(invitations).ToContainTextAsync("Ana Alliance");
        await pages.CheckAsync(allianceTab, "dialogue-organization-programme");
        await invitations.GetByRole(AriaRole.Button, new() { Name = T("Accept", Org + "Programme") + " (Ana Alliance)" }).ClickAsync();
        await Expect(allianceTab.GetByRole(AriaRole.Status)).ToContainTextAsync(F("{0} accepted the panel invitation.", Org + "OrganizationText", "Ana Alliance"));
        await Expect(invitations).ToContainTextAsync(T("Accepted", "Programme.ProgrammeText"));

        // The centre asks for the floor under item 4, also on behalf of the bridges network, which confirms.
        var centreTab = await OrganizationPageAsync(centre, culture, t);
        await centreTab.GotoAsync($"/{culture}/applications/{centre.ApplicationId}/programme");
        var floor = centreTab.GetByRole(AriaRole.Form, new() { Name = T("Ask for the floor", Org + "Programme") });
        await floor.GetByLabel(T("Under the agenda item", Org + "Programme")).SelectOptionAsync(new SelectOptionValue { Label = F("Item {0}. {1}", "Programme.ProgrammeText", 4, "Collection of inputs") });
        await floor.GetByLabel(T("Who speaks (optional)", Org + "Programme")).SelectOptionAsync(carla.RepresentativeId);
        await floor.GetByRole(AriaRole.Group, new() { Name = T("Also on behalf of (optional)", Org + "Programme") }).GetByLabel(bridges.Organization.Name).CheckAsync();
        await Expect(floor.GetByLabel(centre.Organization.Name)).ToHaveCountAsync(0);
        await pages.CheckAsync(centreTab, "dialogue-organization-ask-for-the-floor");
        await floor.GetByRole(AriaRole.Button, new() { Name = T("Ask for the floor", Org + "Programme") }).ClickAsync();
        await Expect(centreTab.GetByRole(AriaRole.Status)).ToContainTextAsync(F("Your request for the floor is recorded (place {0} in the list of speakers).", Org + "OrganizationText", 1));
        var requests = centreTab.GetByRole(AriaRole.Table, new() { Name = T("Your requests for the floor", Org + "Programme") });
        await Expect(requests).ToContainTextAsync($"{bridges.Organization.Name} ({T("not confirmed yet", "Programme.ProgrammeText")})");

        var bridgesTab = await OrganizationPageAsync(bridges, culture, t);
        await bridgesTab.GotoAsync($"/{culture}/applications/{bridges.ApplicationId}/programme");
        var behalf = bridgesTab.GetByRole(AriaRole.Table, new() { Name = T("Statements on your behalf", Org + "Programme") });
        await Expect(behalf).ToContainTextAsync(centre.Organization.Name);
        await pages.CheckAsync(bridgesTab, "dialogue-organization-on-behalf");
        await behalf.GetByRole(AriaRole.Button, new() { Name = $"{T("Confirm", Org + "Programme")} ({centre.Organization.Name})" }).ClickAsync();
        await Expect(bridgesTab.GetByRole(AriaRole.Status)).ToContainTextAsync(F("{0} speaks on your behalf.", Org + "OrganizationText", centre.Organization.Name));
        await Expect(behalf).ToContainTextAsync(T("confirmed", "Programme.ProgrammeText"));

        // The alliance asks too; the officer lets it speak first.
        await allianceTab.GotoAsync($"/{culture}/applications/{allianceId}/programme");
        await allianceTab.GetByRole(AriaRole.Form, new() { Name = T("Ask for the floor", Org + "Programme") }).GetByRole(AriaRole.Button).ClickAsync();
        await Expect(allianceTab.GetByRole(AriaRole.Status)).ToContainTextAsync(F("Your request for the floor is recorded (place {0} in the list of speakers).", Org + "OrganizationText", 2));
        await page.GotoAsync($"/{culture}/secretariat/dialogues/{dialogue.DialogueId}/programme");
        await page.GetByRole(AriaRole.Link, new() { Name = "Collection of inputs" }).ClickAsync();
        var speakers = page.GetByRole(AriaRole.Table, new() { Name = T("List of speakers", Sec + "AgendaItem") });
        await Expect(speakers.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync(centre.Organization.Name);
        await Expect(speakers.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync($"{bridges.Organization.Name} ({T("confirmed", "Programme.ProgrammeText")})");
        await speakers.GetByRole(AriaRole.Button, new() { Name = $"{T("Earlier", Sec + "AgendaItem")} ({alliance.Organization.Name})" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(T("Order of speakers saved.", Sec + "SecretariatText"));
        await Expect(speakers.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync(alliance.Organization.Name);
        await pages.CheckAsync(page, "dialogue-speakers");
        var speakersPage = page.Url;

        // The day of the dialogue: the sessions have ended meanwhile; everyone signs in again.
        var day = DateOnly.ParseExact(dialogue.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        AdvanceTo(day.ToDateTime(new TimeOnly(9, 0)));
        await SignInAsync(page, t, officer.Email, officer.Password);
        await page.GotoAsync($"/{culture}/secretariat/dialogues/{dialogue.DialogueId}/check-in");
        var search = page.GetByRole(AriaRole.Search);
        await search.GetByLabel(T("Name of the representative or of the organization", Sec + "CheckIn")).FillAsync("bridges");
        await search.GetByRole(AriaRole.Button, new() { Name = T("Search", Sec + "CheckIn") }).ClickAsync();
        var door = page.GetByRole(AriaRole.Table, new() { Name = T("Representatives to check in", Sec + "CheckIn") });
        await Expect(door.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await door.GetByRole(AriaRole.Button, new() { Name = $"{T("Check in", Sec + "CheckIn")} (Bea Bridges)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(F("{0} is checked in.", Sec + "SecretariatText", "Bea Bridges"));
        await Expect(page.GetByRole(AriaRole.Search).GetByLabel(T("Name of the representative or of the organization", Sec + "CheckIn"))).ToHaveValueAsync("bridges");
        await Expect(door.GetByRole(AriaRole.Row).Filter(new() { HasText = "Bea Bridges" })).ToContainTextAsync(
            T("Checked in at {0}", Sec + "CheckIn").Split("{0}")[0].Trim());
        await Expect(page.Locator("ul.cards li").First).ToContainTextAsync("1");
        await pages.CheckAsync(page, "dialogue-check-in");

        // Carla joins online by the link her organization's delegation page gives, signed out.
        await SignInAsync(centreTab, t, centre.User.Email);
        await centreTab.GotoAsync($"/{culture}/applications/{centre.ApplicationId}/delegation");
        var links = centreTab.GetByRole(AriaRole.Table, new() { Name = T("Join links of your online representatives", Org + "Delegation") });
        var link = await links.GetByRole(AriaRole.Row).Filter(new() { HasText = "Carla Centre" }).Locator("code").TextContentAsync();
        await pages.CheckAsync(centreTab, "dialogue-delegation-join-links");
        var code = Regex.Match(link!, "/join/(?<code>[^/?#]+)$").Groups["code"].Value;
        var representativeTab = await portal.Browser.OpenPortalAsync(System, culture);
        var joined = await representativeTab.Context.APIRequest.GetAsync($"/{culture}/join/{code}", new() { MaxRedirects = 0 });
        Assert.Equal(302, joined.Status);
        Assert.Equal(MeetingUrl, joined.Headers["location"]);
        // Not before the dialogue is over: its public page does not exist yet.
        Assert.Equal(404, (await representativeTab.Context.APIRequest.GetAsync($"/{culture}/public/dialogues/{dialogue.DialogueId}")).Status);
        await page.ReloadAsync();
        await Expect(page.Locator("ul.cards li").Nth(1)).ToContainTextAsync("1");

        // The centre spoke; its statement is uploaded, and published once the dialogue is over.
        await page.GotoAsync(speakersPage);
        await speakers.GetByRole(AriaRole.Button, new() { Name = $"{T("Mark as spoken", Sec + "AgendaItem")} ({centre.Organization.Name})" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(T("Marked as spoken.", Sec + "SecretariatText"));
        await centreTab.GotoAsync($"/{culture}/applications/{centre.ApplicationId}/programme");
        await centreTab.GetByRole(AriaRole.Link, new() { Name = T("Upload the statement", Org + "Programme"), Exact = false }).ClickAsync();
        var statement = centreTab.GetByRole(AriaRole.Form, new() { Name = T("Upload the statement", Org + "Statement") });
        await statement.GetByLabel(T("Text of the statement", Org + "Statement")).FillAsync("Victims of trafficking need shelters run by survivors.");
        await pages.CheckAsync(centreTab, "dialogue-organization-statement");
        await statement.GetByRole(AriaRole.Button, new() { Name = T("Save the statement", Org + "Statement") }).ClickAsync();
        await Expect(centreTab.GetByRole(AriaRole.Status)).ToContainTextAsync(T("Your statement is saved: the secretariat publishes it after the dialogue.", Org + "OrganizationText"));

        AdvanceTo(day.AddDays(1).ToDateTime(new TimeOnly(8, 0)));
        await SignInAsync(page, t, officer.Email, officer.Password);
        await page.GotoAsync(speakersPage);
        await speakers.GetByRole(AriaRole.Button, new() { Name = $"{T("Publish the statement", Sec + "AgendaItem")} ({centre.Organization.Name})" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(T("Statement published.", Sec + "SecretariatText"));
        await page.GotoAsync(panelPage);
        await Expect(panel.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ana Alliance" })).ToContainTextAsync(T("Accepted", "Programme.ProgrammeText"));

        // Anyone, signed out: the past dialogues, and this one's public page.
        var reader = await portal.Browser.OpenPortalAsync(System, culture, bypassContentSecurityPolicy: true);
        await reader.GotoAsync($"/{culture}");
        await reader.GetByRole(AriaRole.Link, new() { Name = T("Past dialogues", "Pages.Index") }).ClickAsync();
        await pages.CheckAsync(reader, "dialogue-public-list");
        await reader.Locator($"main a[href*='{dialogue.DialogueId}']").ClickAsync();
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Working Group on International Cooperation");
        var main = reader.Locator("main");
        await Expect(main).ToContainTextAsync("Working Group on Technical Assistance, fifteenth session");
        await Expect(main).ToContainTextAsync("Ms. Maria Chair");
        await Expect(main).ToContainTextAsync($"Ana Alliance, {alliance.Organization.Name}");
        await Expect(main).Not.ToContainTextAsync("Bea Bridges");
        await Expect(main).ToContainTextAsync(F("{0}, also on behalf of {1}", "Public.Dialogue", centre.Organization.Name, bridges.Organization.Name));
        await reader.Locator("details summary").First.ClickAsync();
        await Expect(main).ToContainTextAsync("Victims of trafficking need shelters run by survivors.");
        await Expect(main).ToContainTextAsync("CTOC/COP/WG.2/2023/CRP.1");
        await pages.CheckAsync(reader, "dialogue-public-page");
        var crp = await reader.Context.APIRequest.GetAsync(await reader.GetByRole(AriaRole.Link, new() { Name = "CTOC/COP/WG.2/2023/CRP.1" }).GetAttributeAsync("href") ?? "");
        Assert.Equal("application/pdf", crp.Headers["content-type"]);
        pages.NothingUntranslated();
    }

    [Fact]
    public async Task An_auditor_reads_the_programme_the_panel_and_the_check_in_without_any_action_form()
    {
        var pages = new PortalPages(System, "en");
        var officerToken = await System.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officerToken, daysAhead: 5);
        var admitted = await _steps.AdmittedAsync(officerToken, dialogue, "Audited Alliance");
        await _steps.NominateAsync(admitted, "Ada Audited");
        var item = (await new RegistrationV1.ProgrammeService.ProgrammeServiceClient(System.Grpc).AddAgendaItemAsync(new RegistrationV1.AddAgendaItemRequest
        {
            DialogueId = dialogue.DialogueId, Number = 3, Title = "Panel discussion", Kind = RegistrationV1.AgendaItemKind.Panel,
        }, SystemFixture.Bearer(officerToken))).AgendaItem;
        var auditor = System.System.Credentials.Auditor;
        var page = await portal.Browser.OpenPortalAsync(System, "en", bypassContentSecurityPolicy: true);
        await SignInAsync(page, pages.T, auditor.Email, auditor.Password);

        foreach (var (name, path) in new[]
                 {
                     ("programme", $"/en/secretariat/dialogues/{dialogue.DialogueId}/programme"),
                     ("agenda-item", $"/en/secretariat/dialogues/{dialogue.DialogueId}/agenda/{item.AgendaItemId}"),
                     ("check-in", $"/en/secretariat/dialogues/{dialogue.DialogueId}/check-in"),
                 })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator("main form[method='post']")).ToHaveCountAsync(0);
            await pages.CheckAsync(page, $"dialogue-{name}-auditor");
        }
        await Expect(page.Locator("main")).ToContainTextAsync("Ada Audited");
        pages.NothingUntranslated();
    }

    /// <summary>The organization's member, signed in in a browser of their own.</summary>
    async Task<IPage> OrganizationPageAsync(Applicant applicant, string culture, PortalText t)
    {
        var page = await portal.Browser.OpenPortalAsync(System, culture, bypassContentSecurityPolicy: true);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await SignInAsync(page, t, applicant.User.Email);
        return page;
    }

    /// <summary>The system's clock to a moment (UTC); never back.</summary>
    void AdvanceTo(DateTime utc)
    {
        var by = new DateTimeOffset(utc, TimeSpan.Zero) - System.Clock.GetUtcNow();
        if (by > TimeSpan.Zero)
            System.Clock.Advance(by);
    }
}

/// <summary>Every value of the programme's enums that a page shows has its own words, in each language.</summary>
public sealed class ProgrammeWordsTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public void Every_agenda_kind_chair_role_answer_status_and_basis_has_its_words_in_each_language(string culture)
    {
        var logs = new LogCapture();
        var factory = new Accreditation.Portal.Localization.UntranslatedTextLogging(
            new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
                Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions { ResourcesPath = "Resources" }),
                Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance),
            new Microsoft.Extensions.Logging.Logger<Accreditation.Portal.Localization.UntranslatedTextLogging>(new Microsoft.Extensions.Logging.LoggerFactory([logs])));
        var text = new Microsoft.Extensions.Localization.StringLocalizer<Accreditation.Portal.Programme.ProgrammeText>(factory);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var shown = new List<(object Value, string Words)>();
            shown.AddRange(Values<RegistrationV1.AgendaItemKind>().Select(v => ((object)v, Accreditation.Portal.Programme.ProgrammeWords.Of(text, v))));
            shown.AddRange(Values<RegistrationV1.ChairRole>().Select(v => ((object)v, Accreditation.Portal.Programme.ProgrammeWords.Of(text, v))));
            shown.AddRange(Values<RegistrationV1.PanellistStatus>().Select(v => ((object)v, Accreditation.Portal.Programme.ProgrammeWords.Of(text, v))));
            shown.AddRange(Values<RegistrationV1.FloorRequestStatus>().Select(v => ((object)v, Accreditation.Portal.Programme.ProgrammeWords.Of(text, v))));
            shown.AddRange(Values<RegistrationV1.OnBehalfStatus>().Select(v => ((object)v, Accreditation.Portal.Programme.ProgrammeWords.Of(text, v))));
            shown.AddRange(Values<RegistrationV1.ParticipationBasis>().Select(v => ((object)v, Accreditation.Portal.Programme.ProgrammeWords.Of(text, v))));
            shown.AddRange(Values<RegistrationV1.AttendanceMode>().Select(v => ((object)v, Accreditation.Portal.Programme.ProgrammeWords.Of(text, v))));
            Assert.All(shown, s => Assert.False(s.Words.Length == 0 || s.Words.StartsWith('('), $"{s.Value} has no words: {s.Words}"));
            Assert.Empty(logs.Lines.Select(l => l.Message));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    // The zero value of each enum means "not set": no page shows it.
    static IEnumerable<T> Values<T>() where T : struct, Enum => Enum.GetValues<T>().Where(v => Convert.ToInt32(v, CultureInfo.InvariantCulture) != 0);
}
