using System.Text.RegularExpressions;
using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.FunctionalTests.Portal.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Playwright;
using Accreditation.Portal.Pages.Organization;
using static Accreditation.FunctionalTests.Portal.PortalSteps;
using static Microsoft.Playwright.Assertions;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Portal;

/// <summary>
/// An organization's life in the portal, in each language: from its sign-up to its delegation and
/// written comment. The secretariat's and the States' steps are taken through the API, as the
/// other tests take them; the organization's only through its pages.
/// </summary>
public sealed class OrganizationJourneyTests(PortalSystem portal) : IClassFixture<PortalSystem>
{
    const string Pages = "Pages.Organization.";
    readonly Clients _api = new(portal.System);

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task An_organization_describes_itself_applies_answers_is_admitted_sends_its_delegation_and_a_written_comment(string culture)
    {
        var system = portal.System;
        var pages = new PortalPages(system, culture);
        var t = pages.T;
        var officer = await system.OfficerTokenAsync();
        // One seat in the room for two representatives: the second waits.
        var dialogue = await CreateDialogueAsync(officer, $"session of the {culture} journey", capacity: 1, quota: 2);
        var title = $"{dialogue.WorkingGroup}, {dialogue.Session}";

        var page = await portal.Browser.OpenPortalAsync(system, culture, bypassContentSecurityPolicy: true);
        // data-confirm buttons ask first (portal.js): the person says yes.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        var email = $"organization-{culture}-{Guid.NewGuid():N}@example.org";
        await SignUpAsync(page, t, "Amina Diallo", email, language: culture);
        await page.GotoAsync(await system.LinkFromMailAsync(email, "email-confirmation"));
        await page.GetByRole(AriaRole.Button, new() { Name = t["Confirm"], Exact = true }).ClickAsync();
        await SignInAsync(page, t, email);

        // The home page asks for the profile first.
        await page.GetByRole(AriaRole.Link, new() { Name = t["Describe your organization", Pages + "Index"], Exact = true }).ClickAsync();
        await pages.CheckAsync(page, "organization-profile-new");
        var profile = page.GetByRole(AriaRole.Form, new() { Name = t["Describe your organization", Pages + "Profile"] });
        await profile.GetByLabel(t["Name", Pages + "Profile"], new() { Exact = true }).FillAsync("Friends of the Coast");
        await profile.GetByLabel(t["Acronym", Pages + "Profile"]).FillAsync("FOC");
        await profile.GetByLabel(t["Category", Pages + "Profile"]).SelectOptionAsync(t["Non-governmental organization"]);
        await profile.GetByLabel(t["Country of headquarters", Pages + "Profile"]).FillAsync("KEN");
        await profile.GetByLabel(t["ECOSOC consultative status", Pages + "Profile"]).SelectOptionAsync(t["No consultative status"]);
        await profile.GetByLabel(t["Website", Pages + "Profile"]).FillAsync("https://coast.example.org");
        await profile.GetByLabel(t["Areas of work", Pages + "Profile"]).FillAsync("migrant smuggling, victim support");
        await profile.GetByRole(AriaRole.Button, new() { Name = t["Create the profile"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Your organization's profile is saved. You can now apply to a dialogue."]);
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("migrant smuggling, victim support");
        await pages.CheckAsync(page, "organization-profile");
        var edit = page.GetByRole(AriaRole.Form, new() { Name = t["Edit the profile"] });
        await edit.GetByLabel(t["Website", Pages + "Profile"]).FillAsync("https://friends-of-the-coast.example.org");
        await edit.GetByRole(AriaRole.Button, new() { Name = t["Save the profile"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Your organization's profile is saved."]);
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("https://friends-of-the-coast.example.org");

        // A dialogue open for registration, and the Apply button of this one.
        await page.GetByRole(AriaRole.Navigation, new() { Name = t["Main"] }).GetByRole(AriaRole.Link, new() { Name = t["Dialogues", "SharedResource"], Exact = true }).ClickAsync();
        await pages.CheckAsync(page, "organization-dialogues");
        await page.GetByRole(AriaRole.Form, new() { Name = title }).GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Your application is submitted: the secretariat screens it next."]);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(t.Format("Application to {0}", title));
        await Expect(page.Locator("main")).ToContainTextAsync(t["The secretariat screens your application."]);
        var applicationId = Regex.Match(page.Url, "/applications/(?<id>[0-9a-f-]+)").Groups["id"].Value;

        // The secretariat asks a question; the timeline shows it with the form to answer.
        await _api.Secretariat.RequestInformationAsync(new RegistrationV1.RequestInformationRequest
        {
            ApplicationId = applicationId,
            Question = "Please send the statutes of your organization.",
            AnswerBy = Timestamp.FromDateTimeOffset(system.Clock.GetUtcNow().AddDays(10)),
        }, SystemFixture.Bearer(officer));
        await page.ReloadAsync();
        var answer = page.GetByRole(AriaRole.Form, new() { Name = t["Answer the secretariat's question"] });
        await Expect(answer).ToContainTextAsync("Please send the statutes of your organization.");
        await pages.CheckAsync(page, "organization-question");
        await answer.GetByLabel(t["Your answer"]).FillAsync("Our statutes are on our website, under About.");
        await answer.GetByRole(AriaRole.Button, new() { Name = t["Send the answer"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Your answer is sent: the secretariat screens your application again."]);
        await Expect(page.Locator("ol.timeline")).ToContainTextAsync("Our statutes are on our website, under About.");

        // Eligible, circulated: the States parties may object for a day.
        await _api.ScreenEligibleAsync(officer, new RegistrationV1.Application { ApplicationId = applicationId });
        await _api.CirculateAsync(officer, dialogue, TimeSpan.FromDays(1));
        await page.ReloadAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(t["The States parties may object until the end of the objection period."]);
        await Expect(page.Locator("dl.facts")).ToContainTextAsync(t["End of the objection period"]);
        // The reasons the service wrote, said in the person's language from their codes.
        await Expect(page.Locator("ol.timeline")).ToContainTextAsync(t.HistoryReason("APPLICATION_SUBMITTED"));
        await Expect(page.Locator("ol.timeline")).ToContainTextAsync(t.HistoryReason("FOUND_ELIGIBLE"));
        await Expect(page.Locator("ol.timeline")).ToContainTextAsync(t.HistoryReason("CIRCULATED").Split("{deadline_at}")[0].Trim());
        await pages.CheckAsync(page, "organization-circulated");

        // No objection when the window closes: admitted, and the delegation is what comes next.
        system.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await SystemFixture.EventuallyAsync(
            async () => (await _api.Applications.GetApplicationAsync(new RegistrationV1.GetApplicationRequest { ApplicationId = applicationId }, SystemFixture.Bearer(officer))).Application.State,
            state => state == RegistrationV1.ApplicationState.Admitted, "the application to be admitted");
        // A day later the session (12 hours) has ended: the person signs in again and lands back on the timeline.
        await page.ReloadAsync();
        await SignInAsync(page, t, email);
        await Expect(page).ToHaveURLAsync(new Regex($"/{culture}/applications/{applicationId}$"));
        await Expect(page.Locator("dl.facts")).ToContainTextAsync(t["Admitted"]);
        await Expect(page.Locator("main")).ToContainTextAsync(t["Nominate your delegation before the dialogue."]);
        await pages.CheckAsync(page, "organization-admitted");

        // Two representatives in person for one seat: the second waits, then moves up when the first withdraws.
        await page.GetByRole(AriaRole.Link, new() { Name = t["Your delegation"], Exact = true }).ClickAsync();
        await NominateAsync(page, t, "Ana Pérez", "ana@example.org");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t.Format("{0} is nominated.", "Ana Pérez"));
        await NominateAsync(page, t, "Ben Okafor", "ben@example.org");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t.Format("{0} is nominated and on the waiting list for a seat (place {1}).", "Ben Okafor", 1));
        var ana = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ana Pérez" });
        var ben = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ben Okafor" });
        await Expect(ana).ToContainTextAsync(t["In person, with a seat"]);
        await Expect(ben).ToContainTextAsync(t["On the waiting list"]);
        await Expect(ben.GetByRole(AriaRole.Cell).Nth(5)).ToHaveTextAsync("1");
        await pages.CheckAsync(page, "organization-delegation");
        await ana.GetByRole(AriaRole.Button, new() { Name = t["Withdraw", Pages + "Delegation"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t.Format("{0} is withdrawn from the delegation.", "Ana Pérez"));
        await Expect(ana).ToContainTextAsync(t["Withdrawn", Pages + "OrganizationText"]);
        await Expect(ben).ToContainTextAsync(t["In person, with a seat"]);
        await Expect(ben.GetByRole(AriaRole.Cell).Nth(5)).ToHaveTextAsync("");

        // A written comment with its PDF, unpublished until the secretariat publishes it.
        await page.GetByRole(AriaRole.Link, new() { Name = t["Back to the timeline", Pages + "Delegation"] }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = t["Written comments", Pages + "Application"], Exact = true }).ClickAsync();
        var comment = page.GetByRole(AriaRole.Form, new() { Name = t["Submit a written comment"] });
        await comment.GetByLabel(t["Your comment"]).FillAsync("Victims of smuggling need legal aid at the border.");
        await comment.GetByLabel(t["A PDF document (optional)"]).SetInputFilesAsync(new FilePayload
        {
            Name = "legal-aid.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n% written comment\n"u8.ToArray(),
        });
        await comment.GetByRole(AriaRole.Button, new() { Name = t["Submit the comment"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Your comment is submitted: the secretariat publishes it with the dialogue."]);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Victims of smuggling need legal aid at the border." });
        await Expect(row).ToContainTextAsync("legal-aid.pdf");
        await Expect(row).ToContainTextAsync(t["Not published yet"]);
        await pages.CheckAsync(page, "organization-comments");
        var comments = new RegistrationV1.CommentService.CommentServiceClient(system.Grpc);
        var submitted = (await comments.ListCommentsAsync(new RegistrationV1.ListCommentsRequest { DialogueId = dialogue.DialogueId }, SystemFixture.Bearer(officer))).Comments.Single();
        await comments.PublishCommentAsync(new RegistrationV1.PublishCommentRequest { CommentId = submitted.CommentId }, SystemFixture.Bearer(officer));
        await page.ReloadAsync();
        await Expect(row).ToContainTextAsync(t["Published on {0}"].Replace("{0}", "", StringComparison.Ordinal).Trim());
        await Expect(row).Not.ToContainTextAsync(t["Not published yet"]);
        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = "legal-aid.pdf" }).ClickAsync());
        Assert.Equal("legal-aid.pdf", download.SuggestedFilename);

        // Home: the application, admitted, with what it needs next.
        await page.GetByRole(AriaRole.Navigation, new() { Name = t["Main"] }).GetByRole(AriaRole.Link, new() { Name = t["Applications", "SharedResource"], Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = title })).ToContainTextAsync(t["Nominate your delegation before the dialogue."]);
        await pages.CheckAsync(page, "organization-home-admitted");
        pages.NothingUntranslated();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task A_colleague_invited_from_the_colleagues_page_follows_the_e_mailed_link_signs_in_and_joins(string culture)
    {
        var system = portal.System;
        var pages = new PortalPages(system, culture);
        var t = pages.T;
        var member = await system.SignUpOrganizationUserAsync(culture);
        var organization = await _api.CreateOrganizationAsync(member, $"Coastal Watch {culture}");
        var colleague = await system.SignUpOrganizationUserAsync(culture);

        var page = await portal.Browser.OpenPortalAsync(system, culture, bypassContentSecurityPolicy: true);
        await SignInAsync(page, t, member.Email);
        await page.GetByRole(AriaRole.Navigation, new() { Name = t["Main"] }).GetByRole(AriaRole.Link, new() { Name = t["Colleagues", "SharedResource"], Exact = true }).ClickAsync();
        var invite = page.GetByRole(AriaRole.Form, new() { Name = t["Invite a colleague"] });
        await invite.GetByLabel(t["Colleague's e-mail address"]).FillAsync(colleague.Email);
        await invite.GetByRole(AriaRole.Button, new() { Name = t["Send the invitation"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t.Format("Invitation sent to {0}.", colleague.Email));
        var invitation = page.GetByRole(AriaRole.Row).Filter(new() { HasText = colleague.Email });
        await Expect(invitation).ToContainTextAsync(t["Waiting for the colleague"]);
        await pages.CheckAsync(page, "organization-colleagues");

        // The colleague, in a browser of their own, signed out: the link explains, then brings them back.
        var theirs = await portal.Browser.OpenPortalAsync(system, culture, bypassContentSecurityPolicy: true);
        await theirs.GotoAsync(await system.LinkFromMailAsync(colleague.Email, "member-invitation"));
        await Expect(theirs.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(t["Join your organization"]);
        await pages.CheckAsync(theirs, "invitation-signed-out");
        await theirs.GetByRole(AriaRole.Link, new() { Name = t["Sign in to accept"] }).ClickAsync();
        await SignInAsync(theirs, t, colleague.Email);
        await Expect(theirs).ToHaveURLAsync(new Regex($"/{culture}/invitation\\?invitation="));
        await pages.CheckAsync(theirs, "invitation-signed-in");
        await theirs.GetByRole(AriaRole.Button, new() { Name = t["Join the organization"] }).ClickAsync();
        await Expect(theirs.GetByRole(AriaRole.Status)).ToContainTextAsync(t.Format("You have joined {0}.", organization.Name));
        await theirs.GetByRole(AriaRole.Navigation, new() { Name = t["Main"] }).GetByRole(AriaRole.Link, new() { Name = t["Profile", "SharedResource"], Exact = true }).ClickAsync();
        await Expect(theirs.Locator("dl.facts")).ToContainTextAsync(organization.Name);

        await page.ReloadAsync();
        await Expect(invitation).ToContainTextAsync(t["Accepted"]);
        pages.NothingUntranslated();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task A_referred_organization_replies_once_to_the_objection_then_withdraws_after_confirming(string culture)
    {
        var system = portal.System;
        var pages = new PortalPages(system, culture);
        var t = pages.T;
        var referred = await new ParticipationSteps(system).ReferredAsync(await system.OfficerTokenAsync(), $"Harbour Aid {culture}");

        var page = await portal.Browser.OpenPortalAsync(system, culture, bypassContentSecurityPolicy: true);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await SignInAsync(page, t, referred.User.Email);
        await page.GetByRole(AriaRole.Link, new() { Name = t["Open the timeline", Pages + "Index"] }).ClickAsync();
        await Expect(page.Locator("dl.facts")).ToContainTextAsync(t["Referred for decision"]);
        await Expect(page.Locator("main")).ToContainTextAsync(t["The Bureau or the Conference decides; the secretariat records the decision."]);
        await pages.CheckAsync(page, "organization-referred");

        var reply = page.GetByRole(AriaRole.Form, new() { Name = t["Your reply to the objection"] });
        await reply.GetByLabel(t["Your reply"]).FillAsync("We are independent of any government: our accounts are public.");
        await reply.GetByRole(AriaRole.Button, new() { Name = t["Send the reply"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Your reply is sent to the secretariat."]);
        await Expect(page.Locator("blockquote")).ToHaveTextAsync("We are independent of any government: our accounts are public.");
        // One reply only: the form is gone.
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = t["Your reply to the objection"] })).ToHaveCountAsync(0);

        var withdraw = page.GetByRole(AriaRole.Form, new() { Name = t["Withdraw the application"] });
        await withdraw.GetByLabel(t["Reason (optional)"]).FillAsync("Our board chose another forum.");
        await withdraw.GetByRole(AriaRole.Button, new() { Name = t["Withdraw the application"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Your application is withdrawn."]);
        await Expect(page.Locator("dl.facts")).ToContainTextAsync(t["Withdrawn", "SharedResource"]);
        await Expect(page.Locator("ol.timeline")).ToContainTextAsync("Our board chose another forum.");
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = t["Withdraw the application"] })).ToHaveCountAsync(0);
        await pages.CheckAsync(page, "organization-withdrawn");
        pages.NothingUntranslated();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public void Every_attendance_mode_representative_status_invitation_state_next_step_and_party_has_its_words_in_each_language(string culture)
    {
        var logs = new LogCapture();
        var factory = new Accreditation.Portal.Localization.UntranslatedTextLogging(
            new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
                Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions { ResourcesPath = "Resources" }),
                Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance),
            new Microsoft.Extensions.Logging.Logger<Accreditation.Portal.Localization.UntranslatedTextLogging>(new Microsoft.Extensions.Logging.LoggerFactory([logs])));
        var words = new Microsoft.Extensions.Localization.StringLocalizer<Accreditation.Portal.Pages.Organization.OrganizationText>(factory);
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        try
        {
            var shown = Values<RegistrationV1.AttendanceMode>().Select(v => ((object)v, words.Of(v)))
                .Concat(Values<RegistrationV1.RepresentativeStatus>().Select(v => ((object)v, words.Of(v))))
                .Concat(Values<RegistrationV1.InvitationState>().Select(v => ((object)v, words.Of(v))))
                .Concat(Values<RegistrationV1.NextStepKind>().Select(v => ((object)v, words.Of(v))))
                .Concat(Values<RegistrationV1.Party>().Select(v => ((object)v, words.Of(v))))
                .ToList();
            Assert.All(shown, s => Assert.False(s.Item2.Length == 0 || s.Item2.StartsWith('('), $"{s.Item1} has no words: {s.Item2}"));
            Assert.Empty(logs.Lines.Select(l => l.Message));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    // The zero value of each enum means "not set": no page shows it.
    static IEnumerable<T> Values<T>() where T : struct, System.Enum => System.Enum.GetValues<T>().Where(v => Convert.ToInt32(v) != 0);

    static async Task NominateAsync(IPage page, PortalText t, string name, string email)
    {
        var form = page.GetByRole(AriaRole.Form, new() { Name = t["Nominate a representative"] });
        await form.GetByLabel(t["Full name, as in the passport"]).FillAsync(name);
        await form.GetByLabel(t["Title or function"]).FillAsync("Programme officer");
        await form.GetByLabel(t["E-mail", "SharedResource"]).FillAsync(email);
        await form.GetByLabel(t["In person", Pages + "OrganizationText"], new() { Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = t["Nominate"], Exact = true }).ClickAsync();
    }

    async Task<RegistrationV1.Dialogue> CreateDialogueAsync(string officer, string session, int capacity, int quota)
    {
        var now = portal.System.Clock.GetUtcNow();
        return (await _api.Dialogues.CreateDialogueAsync(new RegistrationV1.CreateDialogueRequest
        {
            WorkingGroup = "Working Group on Smuggling of Migrants",
            Session = session,
            Date = now.AddDays(60).ToString("yyyy-MM-dd"),
            Venue = "Vienna and online",
            RegistrationClosesAt = Timestamp.FromDateTimeOffset(now.AddDays(30)),
            ObjectionPeriodDays = 14,
            InPersonCapacity = capacity,
            Policy = new RegistrationV1.DialoguePolicy
            {
                Circulation = RegistrationV1.CirculationPolicy.WithoutEcosocStatus,
                ObjectionEffect = RegistrationV1.ObjectionEffect.Exclude,
                RepresentativesPerOrganization = quota,
            },
        }, SystemFixture.Bearer(officer))).Dialogue;
    }
}
