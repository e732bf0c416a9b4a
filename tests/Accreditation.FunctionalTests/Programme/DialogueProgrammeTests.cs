using System.Net;
using System.Text;
using System.Text.Json;
using Accreditation.FunctionalTests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using static Accreditation.FunctionalTests.Programme.ProgrammeSteps;
using RegistrationV1 = Accreditation.Registration.V1;
using Kind = Accreditation.Registration.V1.AgendaItemKind;
using Mode = Accreditation.Registration.V1.AttendanceMode;

namespace Accreditation.FunctionalTests.Programme;

/// <summary>
/// The dialogue itself through the gateway (issue 18): a dialogue following two working groups, its
/// chairs, agenda, panel, speakers and attendance, and its public page once it took place.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class DialogueProgrammeTests(SystemFixture system)
{
    static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    readonly ProgrammeSteps _steps = new(system);

    [Fact]
    public async Task A_dialogue_with_two_working_groups_a_panel_five_speakers_and_attendance_is_published_with_its_figures_after_its_day()
    {
        var officer = await system.OfficerTokenAsync();
        var auditor = await system.AuditorTokenAsync();
        var series = $"2023 constructive dialogues {Guid.NewGuid():N}";
        var dialogue = await _steps.Participation.CreateDialogueAsync(officer, quota: 3, daysAhead: 2);
        var a = await _steps.AdmittedAsync(officer, dialogue, "Alliance Against Trafficking");
        var b = await _steps.AdmittedAsync(officer, dialogue, "Bridges Migrant Network", country: "FRA");
        var c = await _steps.AdmittedAsync(officer, dialogue, "Centre for Criminology Studies", RegistrationV1.StakeholderCategory.Academia, "BRA");
        var d = await _steps.AdmittedAsync(officer, dialogue, "Dignity Legal Aid", country: "IND");
        var e = await _steps.AdmittedAsync(officer, dialogue, "Ethical Shipping Company", RegistrationV1.StakeholderCategory.PrivateSector, "DEU");
        var f = await _steps.AdmittedAsync(officer, dialogue, "Freedom Shelter Federation", country: "NGA");
        var g = await _steps.AdmittedAsync(officer, dialogue, "Global Observers Forum", RegistrationV1.StakeholderCategory.Other, "USA");

        // The programme: two working groups, a chair and two co-chairs, where online representatives join.
        var updated = (await _steps.Programme.UpdateProgrammeAsync(new RegistrationV1.UpdateProgrammeRequest
        {
            DialogueId = dialogue.DialogueId,
            Series = series,
            WorkingGroups =
            {
                new RegistrationV1.WorkingGroupSession { Name = "Working Group on International Cooperation", Session = "fourteenth session" },
                new RegistrationV1.WorkingGroupSession { Name = "Working Group on Technical Assistance", Session = "fifteenth session" },
            },
            Chairs =
            {
                new RegistrationV1.Chair { Name = "Ms. Maria Chair", Title = "Chair of the Working Group", Role = RegistrationV1.ChairRole.Chair },
                new RegistrationV1.Chair { Name = "Mr. Omar Cochair", Title = "Vice-Chair", Role = RegistrationV1.ChairRole.CoChair },
                new RegistrationV1.Chair { Name = "Ms. Li Cochair", Title = "Vice-Chair", Role = RegistrationV1.ChairRole.CoChair },
            },
            OnlineMeetingUrl = "https://meet.example.org/dialogue-2023",
        }, SystemFixture.Bearer(officer))).Programme;
        Assert.Equal("Working Group on International Cooperation", updated.Dialogue.WorkingGroup);
        Assert.Equal(2, updated.WorkingGroups.Count);

        var briefing = await _steps.AddItemAsync(officer, dialogue, 2, "Briefing by the secretariat", Kind.Briefing);
        var panel = await _steps.AddItemAsync(officer, dialogue, 3, "Panel discussion", Kind.Panel);
        var inputs = await _steps.AddItemAsync(officer, dialogue, 4, "Collection of inputs from participants", Kind.CollectionOfInputs);
        Assert.Equal(StatusCode.AlreadyExists, (await RefusedAsync(() => _steps.AddItemAsync(officer, dialogue, 3, "Another item 3", Kind.Other))).StatusCode);
        var badNumber = await RefusedAsync(() => _steps.AddItemAsync(officer, dialogue, 0, "Item zero", Kind.Other));
        Assert.Equal(StatusCode.InvalidArgument, badNumber.StatusCode);
        Assert.StartsWith("number:", badNumber.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, (await RefusedAsync(() => _steps.AddItemAsync(auditor, dialogue, 5, "Auditors change nothing", Kind.Other))).StatusCode);

        var crp = (await _steps.Programme.AddMeetingDocumentAsync(new RegistrationV1.AddMeetingDocumentRequest
        {
            DialogueId = dialogue.DialogueId, AgendaItemId = panel.AgendaItemId, Symbol = "CTOC/COP/WG.2/2023/CRP.1", Title = "Background paper",
            Document = ByteString.CopyFrom(Pdf), DocumentName = "crp1.pdf",
        }, SystemFixture.Bearer(officer))).MeetingDocument;
        Assert.Equal(StatusCode.AlreadyExists, (await RefusedAsync(() => _steps.Programme.AddMeetingDocumentAsync(new RegistrationV1.AddMeetingDocumentRequest
        {
            DialogueId = dialogue.DialogueId, Symbol = "CTOC/COP/WG.2/2023/CRP.1", Title = "The same symbol again",
        }, SystemFixture.Bearer(officer)).ResponseAsync)).StatusCode);

        // Representatives: some in person, some online.
        var a1 = await _steps.Participation.NominateAsync(a, "Ana Alliance");
        var a2 = await _steps.Participation.NominateAsync(a, "Aziz Online", Mode.Online);
        var b1 = await _steps.Participation.NominateAsync(b, "Bea Bridges");
        var c1 = await _steps.Participation.NominateAsync(c, "Carla Centre", Mode.Online);
        var d1 = await _steps.Participation.NominateAsync(d, "Dev Dignity");
        var e1 = await _steps.Participation.NominateAsync(e, "Emil Ethical");
        await _steps.Participation.NominateAsync(f, "Femi Freedom", Mode.Online);
        var g1 = await _steps.Participation.NominateAsync(g, "Gus Global");

        // The panel of three, from three NGOs; each organization answers for its representative.
        Assert.Equal(StatusCode.FailedPrecondition, (await RefusedAsync(() => InviteAsync(officer, briefing, a1))).StatusCode);
        var panellists = new List<RegistrationV1.Panellist>();
        foreach (var (representative, applicant) in new[] { (a1, a), (b1, b), (d1, d) })
        {
            var invited = await InviteAsync(officer, panel, representative);
            Assert.Equal(RegistrationV1.PanellistStatus.Invited, invited.Status);
            panellists.Add((await _steps.Panels.AnswerPanelInvitationAsync(new RegistrationV1.AnswerPanelInvitationRequest
            {
                PanellistId = invited.PanellistId, Accept = true,
            }, applicant.User.Call)).Panellist);
        }
        Assert.All(panellists, p => Assert.Equal(RegistrationV1.PanellistStatus.Accepted, p.Status));
        Assert.Equal(StatusCode.AlreadyExists, (await RefusedAsync(() => InviteAsync(officer, panel, a1))).StatusCode);
        var invitation = await SystemFixture.EventuallyAsync(() => _steps.Participation.Api.NoticesAsync(a.User.Token),
            notices => notices.Any(n => n.Kind == "panel-invitation"), "the panel invitation in the organization's inbox");
        Assert.Contains("Panel discussion", invitation.First(n => n.Kind == "panel-invitation").Body);

        // Whom a speaker may speak for: the organizations admitted to the dialogue.
        Assert.Equal(7, (await _steps.Speakers.ListAdmittedOrganizationsAsync(new RegistrationV1.ListAdmittedOrganizationsRequest { DialogueId = dialogue.DialogueId },
            c.User.Call)).Organizations.Count);

        // Five speakers; one speaks on behalf of two others, which confirm.
        var onBehalf = await RequestFloorAsync(c, inputs, c1, e, f);
        Assert.All(onBehalf.OnBehalfOf, o => Assert.Equal(RegistrationV1.OnBehalfStatus.Pending, o.Status));
        foreach (var named in new[] { e, f })
            await _steps.Speakers.ConfirmOnBehalfAsync(new RegistrationV1.ConfirmOnBehalfRequest
            {
                FloorRequestId = onBehalf.FloorRequestId, OrganizationId = named.Organization.OrganizationId, Confirm = true,
            }, named.User.Call);
        var floor = new Dictionary<Applicant, RegistrationV1.FloorRequest> { [c] = onBehalf };
        foreach (var (applicant, representative) in new[] { (a, a1), (b, b1), (d, d1), (g, g1) })
            floor[applicant] = await RequestFloorAsync(applicant, inputs, representative);
        // Another organization's request does not exist for an organization it does not name.
        Assert.Equal(StatusCode.NotFound, (await RefusedAsync(() => _steps.Speakers.GetFloorRequestAsync(
            new RegistrationV1.GetFloorRequestRequest { FloorRequestId = onBehalf.FloorRequestId }, b.User.Call).ResponseAsync)).StatusCode);
        var seenByB = await _steps.ProgrammeAsync(dialogue, b.User.Token);
        Assert.DoesNotContain(seenByB.FloorRequests, r => r.FloorRequestId == onBehalf.FloorRequestId);
        Assert.Equal(("", "https://meet.example.org/dialogue-2023"), (seenByB.OnlineMeetingUrl, (await _steps.ProgrammeAsync(dialogue, auditor)).OnlineMeetingUrl));
        var seenByNamed = (await _steps.Speakers.GetFloorRequestAsync(new RegistrationV1.GetFloorRequestRequest { FloorRequestId = onBehalf.FloorRequestId }, e.User.Call)).FloorRequest;
        Assert.All(seenByNamed.OnBehalfOf, o => Assert.Equal(RegistrationV1.OnBehalfStatus.Confirmed, o.Status));
        var ordered = (await _steps.Speakers.OrderSpeakersAsync(new RegistrationV1.OrderSpeakersRequest
        {
            AgendaItemId = inputs.AgendaItemId, FloorRequestIds = { new[] { a, c, b, d, g }.Select(x => floor[x].FloorRequestId) },
        }, SystemFixture.Bearer(officer))).FloorRequests;
        Assert.Equal([a.Organization.Name, c.Organization.Name, b.Organization.Name, d.Organization.Name, g.Organization.Name], ordered.Select(r => r.OrganizationName));
        await _steps.Speakers.SubmitStatementAsync(new RegistrationV1.SubmitStatementRequest
        {
            FloorRequestId = onBehalf.FloorRequestId, Text = "On behalf of our partners: victims first.", Document = ByteString.CopyFrom(Pdf), DocumentName = "statement.pdf",
        }, c.User.Call);

        var comment = (await _steps.Participation.Comments.SubmitCommentAsync(new RegistrationV1.SubmitCommentRequest
        {
            ApplicationId = a.ApplicationId, Text = "Victims need access to remedies.",
        }, a.User.Call)).Comment;
        await _steps.Participation.Comments.PublishCommentAsync(new RegistrationV1.PublishCommentRequest { CommentId = comment.CommentId }, SystemFixture.Bearer(officer));

        // Before the dialogue: no public page, no check-in.
        Assert.Equal(StatusCode.NotFound, (await RefusedAsync(() => PublicAsync(dialogue))).StatusCode);
        var early = await RefusedAsync(() => CheckInAsync(officer, a1));
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        Assert.Contains($"takes place on {dialogue.Date}", early.Status.Detail);

        // The dialogue's day: some in person at the door, some online by their join links.
        system.Clock.Advance(TimeSpan.FromDays(2));
        officer = await system.OfficerTokenAsync();
        var found = (await _steps.Attendance.ListCheckInAsync(new RegistrationV1.ListCheckInRequest { DialogueId = dialogue.DialogueId, Query = "BRIDGES" },
            SystemFixture.Bearer(officer))).Entries;
        Assert.Equal(b1.RepresentativeId, Assert.Single(found).Representative.RepresentativeId);
        foreach (var representative in new[] { a1, b1, d1, e1 })
            Assert.Equal(Mode.InPerson, (await CheckInAsync(officer, representative)).Mode);
        await CheckInAsync(officer, a1);
        var aLink = Assert.Single((await _steps.Attendance.ListJoinLinksAsync(new RegistrationV1.ListJoinLinksRequest { ApplicationId = a.ApplicationId }, a.User.Call)).Links);
        Assert.Equal(a2.RepresentativeId, aLink.RepresentativeId);
        var joined = await _steps.Public.JoinOnlineAsync(new RegistrationV1.JoinOnlineRequest { JoinCode = aLink.JoinCode }, SystemFixture.Anonymous);
        Assert.Equal(("https://meet.example.org/dialogue-2023", true), (joined.OnlineMeetingUrl, joined.Recorded));
        // The portal's /join/{code} page, or anyone's browser: JSON through the gateway, no token.
        var cLink = Assert.Single((await _steps.Attendance.ListJoinLinksAsync(new RegistrationV1.ListJoinLinksRequest { ApplicationId = c.ApplicationId }, c.User.Call)).Links);
        using (var json = await system.Http.PostAsync($"/v1/public/join/{cLink.JoinCode}", new StringContent("{}", Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var list = await _steps.Attendance.ListCheckInAsync(new RegistrationV1.ListCheckInRequest { DialogueId = dialogue.DialogueId }, SystemFixture.Bearer(auditor));
        Assert.Equal((4, 2), (list.CheckedIn, list.JoinedOnline));

        foreach (var speaker in ordered)
            await _steps.Speakers.MarkSpokeAsync(new RegistrationV1.MarkSpokeRequest { FloorRequestId = speaker.FloorRequestId }, SystemFixture.Bearer(officer));
        Assert.Equal(StatusCode.FailedPrecondition, (await RefusedAsync(() => PublishStatementAsync(officer, onBehalf))).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await RefusedAsync(() => PublicAsync(dialogue))).StatusCode);

        // After the dialogue: statements are published; the page is public; figures come from attendance.
        system.Clock.Advance(TimeSpan.FromDays(1));
        officer = await system.OfficerTokenAsync();
        await PublishStatementAsync(officer, onBehalf);

        var programme = await _steps.ProgrammeAsync(dialogue, officer);
        AssertAttendanceFigures(programme.Participation);
        var page = await PublicAsync(dialogue);
        Assert.Equal(series, page.Dialogue.Series);
        Assert.Equal(["Working Group on International Cooperation", "Working Group on Technical Assistance"], page.Dialogue.WorkingGroups.Select(w => w.Name));
        Assert.Equal([RegistrationV1.ChairRole.Chair, RegistrationV1.ChairRole.CoChair, RegistrationV1.ChairRole.CoChair], page.Chairs.Select(x => x.Role));
        Assert.Equal([2, 3, 4], page.AgendaItems.Select(i => i.Number));
        Assert.Equal([a.Organization.Name, b.Organization.Name, d.Organization.Name],
            page.AgendaItems.Single(i => i.Number == 3).Panellists.Select(p => p.OrganizationName).Order());
        Assert.Equal("CTOC/COP/WG.2/2023/CRP.1", Assert.Single(page.MeetingDocuments).Symbol);
        Assert.Equal(5, page.Speakers.Count);
        var second = page.Speakers[1];
        Assert.Equal((c.Organization.Name, 2), (second.OrganizationName, second.Position));
        Assert.Equal([e.Organization.Name, f.Organization.Name], second.OnBehalfOf.Order());
        Assert.Equal("On behalf of our partners: victims first.", second.Statement.Text);
        Assert.All(page.Speakers.Where(s => s != second), s => Assert.Null(s.Statement));
        AssertAttendanceFigures(page.Participation);
        Assert.Equal((a.Organization.Name, "Victims need access to remedies."), (Assert.Single(page.Comments).OrganizationName, page.Comments[0].Text));
        Assert.Equal((7, 7, 0), (page.Objections.Applications, page.Objections.Admitted, page.Objections.ObjectingStates));
        Assert.DoesNotContain(page.AgendaItems.SelectMany(i => i.Panellists), p => p.RepresentativeName == "");

        // The PDFs the page lists, and the page itself as JSON, without a token.
        Assert.Equal(Pdf, (await _steps.Public.GetPublicDocumentAsync(new RegistrationV1.GetPublicDocumentRequest { DialogueId = dialogue.DialogueId, DocumentId = crp.DocumentId },
            SystemFixture.Anonymous)).Document.ToByteArray());
        Assert.Equal(Pdf, (await _steps.Public.GetPublicDocumentAsync(new RegistrationV1.GetPublicDocumentRequest { DialogueId = dialogue.DialogueId, DocumentId = onBehalf.FloorRequestId },
            SystemFixture.Anonymous)).Document.ToByteArray());
        using (var json = await system.Http.GetAsync($"/v1/public/dialogues/{dialogue.DialogueId}"))
        {
            Assert.Equal(HttpStatusCode.OK, json.StatusCode);
            using var body = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
            Assert.Equal(5, body.RootElement.GetProperty("dialogue").GetProperty("speakers").GetArrayLength());
        }
        var listed = await _steps.Public.ListPublicDialoguesAsync(new RegistrationV1.ListPublicDialoguesRequest { Series = series }, SystemFixture.Anonymous);
        Assert.Equal(dialogue.DialogueId, Assert.Single(listed.Dialogues).DialogueId);

        var statistics = await _steps.Programme.GetSeriesStatisticsAsync(new RegistrationV1.GetSeriesStatisticsRequest { Series = series }, SystemFixture.Bearer(auditor));
        Assert.Equal((RegistrationV1.ParticipationBasis.Attendance, 5), (Assert.Single(statistics.Dialogues).Basis, statistics.Participation.Organizations));

        // What the Chair's summary is written from: the panel's organizations under its item, the speakers under the collection of inputs.
        var summary = await _steps.ChairSummaryDataAsync(dialogue);
        Assert.Equal((series, 2, 3, 1), (summary.Series, summary.WorkingGroups.Count, summary.Chairs.Count, summary.PublishedComments));
        Assert.Equal([2, 3, 4], summary.AgendaItems.Select(i => i.Number));
        Assert.Equal([a.Organization.Name, b.Organization.Name, d.Organization.Name], summary.AgendaItems[1].PanelOrganizations.Select(o => o.Name).Order());
        var speakers = summary.AgendaItems[2].Speakers;
        Assert.Equal([a.Organization.Name, c.Organization.Name, b.Organization.Name, d.Organization.Name, g.Organization.Name], speakers.Select(x => x.Organization.Name));
        Assert.Equal([e.Organization.Name, f.Organization.Name], speakers[1].OnBehalfOf.Select(o => o.Name).Order());
        Assert.Equal((1, 1), (summary.Participants.Single(p => p.Organization.Name == a.Organization.Name).InPerson, summary.Participants.Single(p => p.Organization.Name == a.Organization.Name).Online));
        Assert.Equal(5, summary.Participants.Count);
        Assert.Equal((5, 3, 1), (summary.Participation.Organizations, summary.Participation.In(Accreditation.Registration.Domain.StakeholderCategory.Ngo),
            summary.Participation.In(Accreditation.Registration.Domain.StakeholderCategory.Academia)));

        // The purge removes names, not the counts.
        await _steps.Participation.Representatives.PurgeRepresentativesAsync(new RegistrationV1.PurgeRepresentativesRequest { DialogueId = dialogue.DialogueId },
            SystemFixture.Bearer(officer));
        var purged = await PublicAsync(dialogue);
        AssertAttendanceFigures(purged.Participation);
        Assert.All(purged.AgendaItems.SelectMany(i => i.Panellists), p => Assert.Equal("", p.RepresentativeName));
    }

    [Fact]
    public async Task States_and_auditors_cannot_edit_or_read_the_programme_and_an_organization_answers_only_for_its_own_representative()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.Participation.CreateDialogueAsync(officer);
        var own = await _steps.AdmittedAsync(officer, dialogue, "Own Panel Network");
        var other = await _steps.AdmittedAsync(officer, dialogue, "Other Panel Network");
        var panel = await _steps.AddItemAsync(officer, dialogue, 3, "Panel discussion", Kind.Panel);
        var invited = await InviteAsync(officer, panel, await _steps.Participation.NominateAsync(own, "Olga Own"));

        var austria = await system.StateTokenAsync("AUT");
        var auditor = await system.AuditorTokenAsync();
        Assert.Equal(StatusCode.PermissionDenied, (await RefusedAsync(() => _steps.ProgrammeAsync(dialogue, austria))).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await RefusedAsync(() => _steps.Programme.UpdateProgrammeAsync(new RegistrationV1.UpdateProgrammeRequest
        {
            DialogueId = dialogue.DialogueId, WorkingGroups = { new RegistrationV1.WorkingGroupSession { Name = "Group", Session = "session" } },
        }, SystemFixture.Bearer(auditor)).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await RefusedAsync(() => _steps.Panels.AnswerPanelInvitationAsync(
            new RegistrationV1.AnswerPanelInvitationRequest { PanellistId = invited.PanellistId, Accept = true }, other.User.Call).ResponseAsync)).StatusCode);
        var noGroup = await RefusedAsync(() => _steps.Programme.UpdateProgrammeAsync(new RegistrationV1.UpdateProgrammeRequest { DialogueId = dialogue.DialogueId },
            SystemFixture.Bearer(officer)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noGroup.StatusCode);
        Assert.StartsWith("working_groups:", noGroup.Status.Detail);

        // The other organization sees the invitation only once accepted.
        Assert.Empty((await _steps.ProgrammeAsync(dialogue, other.User.Token)).AgendaItems.Single().Panellists);
        await _steps.Panels.AnswerPanelInvitationAsync(new RegistrationV1.AnswerPanelInvitationRequest { PanellistId = invited.PanellistId, Accept = true }, own.User.Call);
        Assert.Equal("Olga Own", Assert.Single((await _steps.ProgrammeAsync(dialogue, other.User.Token)).AgendaItems.Single().Panellists).RepresentativeName);
        var answeredTwice = await RefusedAsync(() => _steps.Panels.AnswerPanelInvitationAsync(
            new RegistrationV1.AnswerPanelInvitationRequest { PanellistId = invited.PanellistId, Accept = false }, own.User.Call).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, answeredTwice.StatusCode);
        Assert.Contains("Accepted", answeredTwice.Status.Detail);
        Assert.Equal(invited.PanellistId, Assert.Single((await _steps.Panels.ListPanelInvitationsAsync(
            new RegistrationV1.ListPanelInvitationsRequest { OrganizationId = own.Organization.OrganizationId }, own.User.Call)).Invitations).Panellist.PanellistId);

        // A join code nobody issued finds nothing, without a token.
        Assert.Equal(StatusCode.NotFound, (await RefusedAsync(() => _steps.Public.JoinOnlineAsync(
            new RegistrationV1.JoinOnlineRequest { JoinCode = new string('0', 32) }, SystemFixture.Anonymous).ResponseAsync)).StatusCode);
    }

    /// <summary>Five organizations took part: A (in person and online), B, D, E in person, C online; F and G had no one attend.</summary>
    static void AssertAttendanceFigures(RegistrationV1.ParticipationFigures figures)
    {
        Assert.Equal(RegistrationV1.ParticipationBasis.Attendance, figures.Basis);
        Assert.Equal(5, figures.Organizations);
        Assert.Equal([3, 1, 1, 0], figures.ByCategory.Select(x => x.Organizations));
        Assert.Equal((4, 2, 4, 2), (figures.OrganizationsInPerson, figures.OrganizationsOnline, figures.RepresentativesInPerson, figures.RepresentativesOnline));
    }

    async Task<RegistrationV1.Panellist> InviteAsync(string officer, RegistrationV1.AgendaItem item, RegistrationV1.Representative representative) =>
        (await _steps.Panels.InvitePanellistAsync(new RegistrationV1.InvitePanellistRequest
        {
            AgendaItemId = item.AgendaItemId, RepresentativeId = representative.RepresentativeId,
        }, SystemFixture.Bearer(officer))).Panellist;

    async Task<RegistrationV1.FloorRequest> RequestFloorAsync(Applicant applicant, RegistrationV1.AgendaItem item, RegistrationV1.Representative representative,
        params Applicant[] onBehalfOf) =>
        (await _steps.Speakers.RequestFloorAsync(new RegistrationV1.RequestFloorRequest
        {
            AgendaItemId = item.AgendaItemId, ApplicationId = applicant.ApplicationId, RepresentativeId = representative.RepresentativeId,
            OnBehalfOfOrganizationIds = { onBehalfOf.Select(o => o.Organization.OrganizationId) },
        }, applicant.User.Call)).FloorRequest;

    async Task<RegistrationV1.Attendance> CheckInAsync(string officer, RegistrationV1.Representative representative) =>
        (await _steps.Attendance.CheckInAsync(new RegistrationV1.CheckInRequest { RepresentativeId = representative.RepresentativeId }, SystemFixture.Bearer(officer))).Attendance;

    async Task<RegistrationV1.FloorRequest> PublishStatementAsync(string officer, RegistrationV1.FloorRequest floor) =>
        (await _steps.Speakers.PublishStatementAsync(new RegistrationV1.PublishStatementRequest { FloorRequestId = floor.FloorRequestId }, SystemFixture.Bearer(officer))).FloorRequest;

    async Task<RegistrationV1.PublicDialogue> PublicAsync(RegistrationV1.Dialogue dialogue) =>
        (await _steps.Public.GetPublicDialogueAsync(new RegistrationV1.GetPublicDialogueRequest { DialogueId = dialogue.DialogueId }, SystemFixture.Anonymous)).Dialogue;
}
