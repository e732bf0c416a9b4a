using System.Globalization;
using System.Text.RegularExpressions;
using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.FunctionalTests.Portal.Infrastructure;
using Microsoft.Playwright;
using static Accreditation.FunctionalTests.Portal.PortalSteps;
using static Microsoft.Playwright.Assertions;
using RegistrationV1 = Accreditation.Registration.V1;
using Accreditation.Identity.Commands;

namespace Accreditation.FunctionalTests.Portal;

/// <summary>
/// The secretariat in the portal, in each of its three languages: an officer runs a dialogue from
/// its creation to a referral decision; an auditor reads the same pages and can change nothing.
/// Organizations and States act through the API, as their systems would.
/// </summary>
public sealed class SecretariatJourneyTests(PortalSystem portal) : IClassFixture<PortalSystem>
{
    readonly Clients _api = new(portal.System);

    SystemFixture System => portal.System;

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task An_officer_creates_a_dialogue_screens_asks_circulates_and_records_the_referral_decision(string culture)
    {
        var pages = new PortalPages(System, culture);
        var t = pages.T;
        string T(string english, string page) => t[english, $"Secretariat.{page}"];
        var now = System.Clock.GetUtcNow();
        var page = await portal.Browser.OpenPortalAsync(System, culture, bypassContentSecurityPolicy: true);
        var (officer, password) = await AddStaffAsync("officer");
        await SignInAsync(page, t, officer, password);

        await page.GotoAsync($"/{culture}/secretariat");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(T("Dialogues", "Index"));
        await pages.CheckAsync(page, "secretariat-dialogues");
        await page.GetByRole(AriaRole.Link, new() { Name = T("New dialogue", "Index") }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = T("The dialogue", "NewDialogue") });
        string Field(string english) => T(english, "_DialogueFields");
        await form.GetByLabel(Field("Working group")).FillAsync("Working Group on Firearms");
        await form.GetByLabel(Field("Session"), new() { Exact = true }).FillAsync($"session {culture}");
        await form.GetByLabel(Field("Date of the dialogue")).FillAsync(Iso(now.AddDays(60)));
        await form.GetByLabel(Field("Venue")).FillAsync("Vienna");
        await form.GetByLabel(Field("Registration closes at the end of")).FillAsync(Iso(now.AddDays(30)));
        await form.GetByLabel(Field("Effect of an objection")).SelectOptionAsync(RegistrationV1.ObjectionEffect.Refer.ToString());
        await pages.CheckAsync(page, "secretariat-new-dialogue");
        await form.GetByRole(AriaRole.Button, new() { Name = T("Create the dialogue", "NewDialogue") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(T("Dialogue created.", "SecretariatText"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Working Group on Firearms, session {culture}");
        var dialogue = new RegistrationV1.Dialogue { DialogueId = page.Url.Split('/')[^1] };

        var (_, objected) = await ApplyAsync("Firearms Watch", dialogue);
        var (forum, unopposed) = await ApplyAsync("Arms Control Forum", dialogue);
        var (_, questioned) = await ApplyAsync("Small Arms Survey", dialogue);
        await page.ReloadAsync();
        await pages.CheckAsync(page, "secretariat-dashboard");

        // Screening: two of the three at once, the third keeps a question.
        await page.GetByRole(AriaRole.Link, new() { Name = T("Screen them", "Dialogue") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(T("Screening queue", "Screening"));
        await page.GetByLabel(string.Format(CultureInfo.InvariantCulture, T("Select {0}", "Screening"), "Firearms Watch")).CheckAsync();
        await page.GetByLabel(string.Format(CultureInfo.InvariantCulture, T("Select {0}", "Screening"), "Arms Control Forum")).CheckAsync();
        await page.GetByLabel(t["Eligible", "SharedResource"], new() { Exact = true }).CheckAsync();
        await pages.CheckAsync(page, "secretariat-screening");
        await page.GetByRole(AriaRole.Button, new() { Name = T("Screen the selected applications", "Screening") }).ClickAsync();
        var results = page.GetByRole(AriaRole.Region, new() { Name = T("Result of the screening", "Screening") });
        var screened = string.Format(CultureInfo.InvariantCulture, T("Screened: now {0}.", "Screening"), t["Eligible", "SharedResource"]);
        await Expect(results.GetByRole(AriaRole.Row).Filter(new() { HasText = "Firearms Watch" })).ToContainTextAsync(screened);
        await Expect(results.GetByRole(AriaRole.Row).Filter(new() { HasText = "Arms Control Forum" })).ToContainTextAsync(screened);
        await pages.CheckAsync(page, "secretariat-screening-result");

        await page.GetByRole(AriaRole.Link, new() { Name = "Small Arms Survey" }).ClickAsync();
        var question = page.GetByRole(AriaRole.Form, new() { Name = T("Request information", "Application") });
        await question.GetByLabel(T("Question to the organization", "Application")).FillAsync("Please send the statutes of your organization.");
        await question.GetByLabel(T("Answer due by the end of", "Application")).FillAsync(Iso(now.AddDays(20)));
        await pages.CheckAsync(page, "secretariat-application");
        await question.GetByRole(AriaRole.Button, new() { Name = T("Send the question", "Application") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(T("Question sent to the organization.", "SecretariatText"));
        await Expect(page.Locator("main")).ToContainTextAsync("Please send the statutes of your organization.");
        Assert.Equal(RegistrationV1.ApplicationState.InformationRequested, (await ReadAsync(questioned)).State);

        // Circulation, an objection from a State party's system, the window closes: the application is referred.
        await page.GetByRole(AriaRole.Link, new() { Name = T("Dashboard of the dialogue", "Application") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = T("Pending questions", "Dialogue") })).ToContainTextAsync("Small Arms Survey");
        await page.GetByRole(AriaRole.Link, new() { Name = T("Circulate them", "Dialogue") }).ClickAsync();
        var circulate = page.GetByRole(AriaRole.Form, new() { Name = T("Circulate the eligible applications", "Circulate") });
        await circulate.GetByLabel(T("Objections close at the end of", "Circulate")).FillAsync(Iso(now.AddDays(3)));
        await pages.CheckAsync(page, "secretariat-circulate");
        await circulate.GetByRole(AriaRole.Button, new() { Name = T("Circulate the eligible applications", "Circulate") }).ClickAsync();
        var circulated = page.GetByRole(AriaRole.Region, new() { Name = T("Result of the circulation", "Circulate") });
        await Expect(circulated).ToContainTextAsync(string.Format(CultureInfo.InvariantCulture, T("Circulated ({0})", "Circulate"), 2));
        await Expect(circulated).ToContainTextAsync("Firearms Watch");
        await pages.CheckAsync(page, "secretariat-circulated");

        var state = await System.StateTokenAsync("AUT");
        await _api.CirculatedAsync(state, dialogue, expected: 2);
        await _api.ObjectAsync(state, objected, "Links to an arms dealer.");
        System.Clock.Advance(TimeSpan.FromDays(4));
        await SystemFixture.EventuallyAsync(() => ReadAsync(objected), a => a.State == RegistrationV1.ApplicationState.Referred, "the objected application to be referred");

        // Days later: the session has run out meanwhile; the officer signs in again.
        await page.GotoAsync($"/{culture}/sign-in");
        await SignInAsync(page, t, officer, password);
        await page.GotoAsync($"/{culture}/secretariat/applications/{objected.ApplicationId}");
        var decision = page.GetByRole(AriaRole.Form, new() { Name = T("Record the referral decision", "Application") });
        await decision.GetByLabel(T("Decision", "Application"), new() { Exact = true }).SelectOptionAsync(RegistrationV1.ReferralOutcome.Admitted.ToString());
        await decision.GetByLabel(T("Decided by", "Application"), new() { Exact = true }).FillAsync("Bureau of the Conference");
        await decision.GetByLabel(T("Decided on", "Application"), new() { Exact = true }).FillAsync(Iso(System.Clock.GetUtcNow()));
        await decision.GetByLabel(T("In favour", "Application"), new() { Exact = true }).FillAsync("12");
        await decision.GetByLabel(T("Against", "Application"), new() { Exact = true }).FillAsync("3");
        await decision.GetByLabel(T("Abstentions", "Application")).FillAsync("1");
        await decision.GetByLabel(T("Document symbol", "Application")).FillAsync("CTOC/COP/2026/L.3");
        await pages.CheckAsync(page, "secretariat-referral-decision");
        await decision.GetByRole(AriaRole.Button, new() { Name = T("Record the decision", "Application") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(T("Decision recorded.", "SecretariatText"));
        Assert.Equal(RegistrationV1.ApplicationState.Admitted, (await ReadAsync(objected)).State);

        // The participant list, and its CSV, where a name written as a formula stays text.
        await SystemFixture.EventuallyAsync(() => ReadAsync(unopposed), a => a.State == RegistrationV1.ApplicationState.Admitted, "the unopposed application to be admitted");
        await new RegistrationV1.RepresentativeService.RepresentativeServiceClient(System.Grpc).NominateRepresentativeAsync(new RegistrationV1.NominateRepresentativeRequest
        {
            ApplicationId = unopposed.ApplicationId, FullName = "=HYPERLINK(\"http://example.org\")", Title = "Director, \"Research\"",
            Email = "director@example.org", Mode = RegistrationV1.AttendanceMode.InPerson,
        }, forum.Call);
        await page.GotoAsync($"/{culture}/secretariat/dialogues/{dialogue.DialogueId}/participants");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = string.Format(CultureInfo.InvariantCulture, T("Representatives of {0}", "Participants"), "Arms Control Forum") }))
            .ToContainTextAsync("director@example.org");
        await pages.CheckAsync(page, "secretariat-participants");
        var csvLink = await page.GetByRole(AriaRole.Link, new() { Name = T("Download the list (CSV)", "Participants") }).GetAttributeAsync("href");
        var csv = await page.Context.APIRequest.GetAsync(csvLink!);
        Assert.StartsWith("text/csv", csv.Headers["content-type"]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://example.org\"\")\",\"Director, \"\"Research\"\"\",director@example.org", await csv.TextAsync());

        // The admitted organization's written comment, published by the secretariat.
        await new RegistrationV1.CommentService.CommentServiceClient(System.Grpc).SubmitCommentAsync(new RegistrationV1.SubmitCommentRequest
        {
            ApplicationId = unopposed.ApplicationId, Text = "Marking and tracing of firearms deserves a session of its own.",
        }, forum.Call);
        await page.GotoAsync($"/{culture}/secretariat/comments?dialogue={dialogue.DialogueId}");
        await Expect(page.Locator("main")).ToContainTextAsync("Marking and tracing of firearms deserves a session of its own.");
        await pages.CheckAsync(page, "secretariat-comments");
        await page.GetByRole(AriaRole.Button, new() { Name = T("Publish this comment", "Comments") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(T("Comment published.", "SecretariatText"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = T("Publish this comment", "Comments") })).ToHaveCountAsync(0);

        await page.GotoAsync($"/{culture}/secretariat/dialogues/{dialogue.DialogueId}/statistics");
        await Expect(page.Locator("blockquote")).Not.ToBeEmptyAsync();
        await pages.CheckAsync(page, "secretariat-statistics");
        pages.NothingUntranslated();
    }

    [Fact]
    public async Task An_auditor_sees_the_dashboard_without_any_action_form_and_is_refused_a_post()
    {
        var pages = new PortalPages(System, "en");
        var officerToken = await System.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officerToken);
        var (_, eligible) = await ApplyAsync("Audited Alliance", dialogue);
        await _api.ScreenEligibleAsync(officerToken, eligible);
        var (auditor, password) = await AddStaffAsync("auditor");
        var page = await portal.Browser.OpenPortalAsync(System, "en", bypassContentSecurityPolicy: true);
        await SignInAsync(page, pages.T, auditor, password);

        foreach (var (name, path) in new[]
                 {
                     ("dashboard", $"/en/secretariat/dialogues/{dialogue.DialogueId}"), ("circulate", $"/en/secretariat/dialogues/{dialogue.DialogueId}/circulate"),
                     ("application", $"/en/secretariat/applications/{eligible.ApplicationId}"), ("screening", "/en/secretariat/screening?state=Eligible"),
                     ("state-clients", "/en/secretariat/state-clients"), ("comments", "/en/secretariat/comments"), ("deliveries", "/en/secretariat/deliveries"),
                 })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator("main form[method='post']")).ToHaveCountAsync(0);
            await pages.CheckAsync(page, $"secretariat-{name}-auditor");
        }

        // A valid antiforgery token (the sign-out form's) so the refusal is the page's, not antiforgery's.
        var antiforgery = await page.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");
        var refused = await page.Context.APIRequest.PostAsync($"/en/secretariat/dialogues/{dialogue.DialogueId}/circulate", new()
        {
            Form = page.Context.APIRequest.CreateFormData().Set("__RequestVerificationToken", antiforgery!).Set("Input.Deadline", Iso(System.Clock.GetUtcNow().AddDays(3))),
        });
        Assert.Equal(403, refused.Status);
        Assert.Contains(System.Logs.Lines, l => l.Message.StartsWith($"Refused page /en/secretariat/dialogues/{dialogue.DialogueId}/circulate", StringComparison.Ordinal));
        Assert.Equal(RegistrationV1.ApplicationState.Eligible, (await ReadAsync(eligible)).State);
        pages.NothingUntranslated();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task Once_registration_has_closed_an_officer_edits_the_venue_but_the_policy_change_is_refused_beside_its_field_in_their_language(string culture)
    {
        var pages = new PortalPages(System, culture);
        var t = pages.T;
        var dialogue = await _api.CreateDialogueAsync(await System.OfficerTokenAsync(), RegistrationV1.ObjectionEffect.Exclude);
        System.Clock.Advance(dialogue.RegistrationClosesAt.ToDateTimeOffset() - System.Clock.GetUtcNow() + TimeSpan.FromDays(1));
        var (officer, password) = await AddStaffAsync("officer");
        var page = await portal.Browser.OpenPortalAsync(System, culture, bypassContentSecurityPolicy: true);
        await SignInAsync(page, t, officer, password);

        await page.GotoAsync($"/{culture}/secretariat/dialogues/{dialogue.DialogueId}");
        await page.GetByRole(AriaRole.Link, new() { Name = t["Edit the dialogue", "Secretariat.Dialogue"] }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = t["The dialogue", "Secretariat.EditDialogue"] });
        await form.GetByLabel(t["Venue", "Secretariat._DialogueFields"]).FillAsync("Vienna International Centre");
        await form.GetByLabel(t["Effect of an objection", "Secretariat._DialogueFields"]).SelectOptionAsync(RegistrationV1.ObjectionEffect.Refer.ToString());
        await form.GetByRole(AriaRole.Button, new() { Name = t["Save the dialogue", "Secretariat.EditDialogue"] }).ClickAsync();
        var refusal = page.Locator("[data-valmsg-for='Input.ObjectionEffect']");
        await Expect(refusal).ToContainTextAsync(t["This cannot be done at this stage.", "SharedResource"]);
        // DIALOGUE_FIELD_LOCKED worded in the person's language, with the closing day in its format.
        var closed = t.Refusal("DIALOGUE_FIELD_LOCKED").Split("{closes_at}");
        await Expect(refusal).ToContainTextAsync(closed[0].Trim());
        await Expect(refusal).ToContainTextAsync(closed[1].Trim());
        await Expect(refusal).ToContainTextAsync(dialogue.RegistrationClosesAt.ToDateTimeOffset().UtcDateTime.ToString("D", global::System.Globalization.CultureInfo.GetCultureInfo(culture)));
        await pages.CheckAsync(page, "secretariat-edit-refused");

        await form.GetByLabel(t["Effect of an objection", "Secretariat._DialogueFields"]).SelectOptionAsync(RegistrationV1.ObjectionEffect.Exclude.ToString());
        await form.GetByRole(AriaRole.Button, new() { Name = t["Save the dialogue", "Secretariat.EditDialogue"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Dialogue saved.", "Secretariat.SecretariatText"]);
        var saved = (await _api.Dialogues.GetDialogueAsync(new RegistrationV1.GetDialogueRequest { DialogueId = dialogue.DialogueId },
            SystemFixture.Bearer(await System.OfficerTokenAsync()))).Dialogue;
        Assert.Equal("Vienna International Centre", saved.Venue);
        Assert.Equal(RegistrationV1.ObjectionEffect.Exclude, saved.Policy.ObjectionEffect);
        pages.NothingUntranslated();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task An_officer_gives_a_State_party_an_API_client_whose_secret_is_shown_once_and_a_State_user(string culture)
    {
        var pages = new PortalPages(System, culture);
        var t = pages.T;
        string T(string english, string page) => t[english, $"Secretariat.{page}"];
        var (officer, password) = await AddStaffAsync("officer");
        var page = await portal.Browser.OpenPortalAsync(System, culture, bypassContentSecurityPolicy: true);
        await SignInAsync(page, t, officer, password);
        var state = culture == "en" ? "ITA" : "SEN";

        await page.GotoAsync($"/{culture}/secretariat/state-clients");
        var create = page.GetByRole(AriaRole.Form, new() { Name = T("New client", "StateClients") });
        await create.GetByLabel(T("State party (ISO code, e.g. AUT)", "StateClients")).FillAsync(state);
        await create.GetByRole(AriaRole.Button, new() { Name = T("Create the client", "StateClients") }).ClickAsync();
        var issued = page.GetByRole(AriaRole.Region, new() { Name = string.Format(CultureInfo.InvariantCulture, T("Secret of {0}", "StateClients"), state) });
        var clientId = await issued.Locator("dd code").First.TextContentAsync();
        var secret = await issued.Locator("dd code").Last.TextContentAsync();
        await pages.CheckAsync(page, "secretariat-state-client-secret");
        var (ok, _) = await System.ClientCredentialsAsync(clientId!, secret!);
        Assert.True(ok, "the secret shown gets a token");
        await page.GotoAsync($"/{culture}/secretariat/state-clients");
        await Expect(page.Locator("main")).Not.ToContainTextAsync(secret!);

        await page.GetByRole(AriaRole.Link, new() { Name = T("State users", "StateClients") }).ClickAsync();
        var email = $"delegate-{Guid.NewGuid():N}@mission.example";
        var user = page.GetByRole(AriaRole.Form, new() { Name = T("New State user", "StateUsers") });
        await user.GetByLabel(T("Display name", "StateUsers")).FillAsync("Delegate of the mission");
        await user.GetByLabel(T("E-mail", "StateUsers")).FillAsync(email);
        await user.GetByLabel(T("State party (ISO code, e.g. AUT)", "StateUsers")).FillAsync(state);
        await user.GetByRole(AriaRole.Button, new() { Name = T("Create the State user", "StateUsers") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(
            string.Format(CultureInfo.InvariantCulture, T("State user created: a code to set the password is on its way to {0}.", "SecretariatText"), email));
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToContainTextAsync(state);
        await pages.CheckAsync(page, "secretariat-state-users");
        pages.NothingUntranslated();
    }

    /// <summary>An organization's system applies through the API.</summary>
    async Task<(OrganizationUser User, RegistrationV1.Application Application)> ApplyAsync(string organization, RegistrationV1.Dialogue dialogue)
    {
        var user = await System.SignUpOrganizationUserAsync();
        return (user, await _api.ApplyAsync(user, await _api.CreateOrganizationAsync(user, organization), dialogue));
    }

    async Task<RegistrationV1.Application> ReadAsync(RegistrationV1.Application application) =>
        (await _api.Applications.GetApplicationAsync(new RegistrationV1.GetApplicationRequest { ApplicationId = application.ApplicationId },
            SystemFixture.Bearer(await System.OfficerTokenAsync()))).Application;

    /// <summary>A staff account as the administrator makes one: the staff command, which prints its one-time password.</summary>
    async Task<(string Email, string Password)> AddStaffAsync(string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@un.example.org";
        var output = new StringWriter();
        Assert.Equal(0, await StaffCommand.RunAsync(["add", "--email", email, "--role", role, "--Data:Directory", System.DataDirectory], output));
        return (email, output.ToString().Trim().Split(' ')[^1]);
    }

    static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
