using System.Net;
using System.Net.Http.Headers;
using Accreditation.FunctionalTests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using RegistrationV1 = Accreditation.Registration.V1;
using Kind = Accreditation.Registration.V1.AgendaItemKind;
using Mode = Accreditation.Registration.V1.AttendanceMode;

namespace Accreditation.FunctionalTests.Programme;

/// <summary>
/// The Chair's summary draft downloaded through the gateway (issue 18): written from the dialogue's
/// programme, panel, speakers and attendance, in English, French and Spanish, as a Word document.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ChairSummaryTests(SystemFixture system)
{
    readonly ProgrammeSteps _steps = new(system);

    [Fact]
    public async Task The_draft_counts_attendance_after_the_day_and_names_the_panel_and_the_speakers_in_each_language()
    {
        var officer = await system.OfficerTokenAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var dialogue = await _steps.Participation.CreateDialogueAsync(officer, quota: 2, daysAhead: 2);
        var a = await _steps.AdmittedAsync(officer, dialogue, $"Anti-Slavery Alliance {tag}");
        var b = await _steps.AdmittedAsync(officer, dialogue, $"Borders Watch {tag}", country: "FRA");
        var c = await _steps.AdmittedAsync(officer, dialogue, $"Crime Studies Centre {tag}", RegistrationV1.StakeholderCategory.Academia, "BRA");
        var d = await _steps.AdmittedAsync(officer, dialogue, $"Dignity Aid {tag}", country: "IND");
        var e = await _steps.AdmittedAsync(officer, dialogue, $"Eco Freight Ltd {tag}", RegistrationV1.StakeholderCategory.PrivateSector, "DEU");
        var f = await _steps.AdmittedAsync(officer, dialogue, $"Free Women Network {tag}", country: "NGA");
        var g = await _steps.AdmittedAsync(officer, dialogue, $"Global Monitors {tag}", RegistrationV1.StakeholderCategory.Other, "USA");
        await _steps.Programme.UpdateProgrammeAsync(new RegistrationV1.UpdateProgrammeRequest
        {
            DialogueId = dialogue.DialogueId,
            Series = "2023 constructive dialogues",
            WorkingGroups =
            {
                new RegistrationV1.WorkingGroupSession { Name = "Working Group on International Cooperation", Session = "fourteenth session" },
                new RegistrationV1.WorkingGroupSession { Name = "Working Group on Technical Assistance", Session = "fifteenth session" },
            },
            Chairs =
            {
                new RegistrationV1.Chair { Name = "Ms. Maria Lopez", Title = "Chair of the Working Group", Role = RegistrationV1.ChairRole.Chair },
                new RegistrationV1.Chair { Name = "Mr. Omar Said", Title = "Vice-Chair", Role = RegistrationV1.ChairRole.CoChair },
                new RegistrationV1.Chair { Name = "Ms. Li Wei", Title = "Vice-Chair", Role = RegistrationV1.ChairRole.CoChair },
            },
        }, SystemFixture.Bearer(officer));
        await _steps.AddItemAsync(officer, dialogue, 2, "Briefing by the secretariat", Kind.Briefing);
        var panel = await _steps.AddItemAsync(officer, dialogue, 3, "Panel discussion", Kind.Panel);
        var inputs = await _steps.AddItemAsync(officer, dialogue, 4, "Collection of inputs", Kind.CollectionOfInputs);
        var a1 = await NominateAsync(a, "Ana Alliance");
        var a2 = await NominateAsync(a, "Aziz Alliance", Mode.Online);
        var b1 = await NominateAsync(b, "Bea Borders");
        var c1 = await NominateAsync(c, "Carla Centre", Mode.Online);
        var d1 = await NominateAsync(d, "Dev Dignity");
        var e1 = await NominateAsync(e, "Emil Eco");
        await NominateAsync(f, "Femi Free", Mode.Online);
        var g1 = await NominateAsync(g, "Gus Global");

        // A panel of three from three NGOs.
        foreach (var (representative, applicant) in new[] { (a1, a), (b1, b), (d1, d) })
        {
            var invited = (await _steps.Panels.InvitePanellistAsync(new RegistrationV1.InvitePanellistRequest
            {
                AgendaItemId = panel.AgendaItemId, RepresentativeId = representative.RepresentativeId,
            }, SystemFixture.Bearer(officer))).Panellist;
            await _steps.Panels.AnswerPanelInvitationAsync(new RegistrationV1.AnswerPanelInvitationRequest { PanellistId = invited.PanellistId, Accept = true }, applicant.User.Call);
        }
        // Five speakers; the Centre speaks on behalf of Eco Freight and Free Women, which confirm.
        var onBehalf = await RequestFloorAsync(c, inputs, c1, e, f);
        foreach (var named in new[] { e, f })
            await _steps.Speakers.ConfirmOnBehalfAsync(new RegistrationV1.ConfirmOnBehalfRequest
            {
                FloorRequestId = onBehalf.FloorRequestId, OrganizationId = named.Organization.OrganizationId, Confirm = true,
            }, named.User.Call);
        var speakers = new[] { await RequestFloorAsync(a, inputs, a1), onBehalf, await RequestFloorAsync(b, inputs, b1), await RequestFloorAsync(d, inputs, d1), await RequestFloorAsync(g, inputs, g1) };
        await _steps.Speakers.OrderSpeakersAsync(new RegistrationV1.OrderSpeakersRequest
        {
            AgendaItemId = inputs.AgendaItemId, FloorRequestIds = { speakers.Select(s => s.FloorRequestId) },
        }, SystemFixture.Bearer(officer));

        // Before the day the figures are admissions, and the draft says so.
        var before = await DraftAsync(dialogue, officer, "en");
        Assert.Contains(
            "Four non-governmental organizations, one academic institution, one private sector entity and one other stakeholder were admitted to participate in the dialogue, online and in person. " +
            "In all, eight representatives were registered, five in person and three online.", before);
        Assert.Contains("[Draft prepared before the dialogue:", before);

        // The day: five checked in at the door, two online by their join links; Free Women's representative does not come.
        system.Clock.Advance(TimeSpan.FromDays(2));
        officer = await system.OfficerTokenAsync();
        foreach (var representative in new[] { a1, b1, d1, e1, g1 })
            await _steps.Attendance.CheckInAsync(new RegistrationV1.CheckInRequest { RepresentativeId = representative.RepresentativeId }, SystemFixture.Bearer(officer));
        foreach (var applicant in new[] { a, c })
        {
            var link = Assert.Single((await _steps.Attendance.ListJoinLinksAsync(new RegistrationV1.ListJoinLinksRequest { ApplicationId = applicant.ApplicationId }, applicant.User.Call)).Links);
            await _steps.Public.JoinOnlineAsync(new RegistrationV1.JoinOnlineRequest { JoinCode = link.JoinCode }, SystemFixture.Anonymous);
        }
        foreach (var speaker in speakers)
            await _steps.Speakers.MarkSpokeAsync(new RegistrationV1.MarkSpokeRequest { FloorRequestId = speaker.FloorRequestId }, SystemFixture.Bearer(officer));
        system.Clock.Advance(TimeSpan.FromDays(1));
        var auditor = await system.AuditorTokenAsync();

        var english = await DraftAsync(dialogue, auditor, "en");
        Assert.Contains("following the sessions of the Working Group on International Cooperation and the Working Group on Technical Assistance.", english);
        Assert.Contains("The dialogue was chaired by Ms. Maria Lopez, Chair of the Working Group, with Mr. Omar Said, Vice-Chair, and Ms. Li Wei, Vice-Chair, as co-chairs.", english);
        Assert.Contains(
            "Three non-governmental organizations, one academic institution, one private sector entity and one other stakeholder participated in the dialogue, online and in person. " +
            "In all, seven representatives attended, five in person and two online.", english);
        Assert.Contains("[Participation figures drawn from the attendance recorded on the day of the dialogue.]", english);
        Assert.Contains($"{Heading("IV. Panel discussion")}\n8.\tUnder agenda item 3, entitled “Panel discussion”, a panel discussion was held with three panellists, " +
            $"representing {a.Organization.Name}, {b.Organization.Name} and {d.Organization.Name}.", english);
        Assert.Contains($"{Heading("V. Collection of inputs")}\n", english);
        Assert.Contains($"Statements were made by the representatives of the following organizations: {a.Organization.Name}; " +
            $"{c.Organization.Name}, on behalf of {e.Organization.Name} and {f.Organization.Name}; {b.Organization.Name}; {d.Organization.Name}; and {g.Organization.Name}.", english);
        Assert.Contains($"/en/public/dialogues/{dialogue.DialogueId})", english);

        var french = await DraftAsync(dialogue, officer, "fr");
        Assert.Contains("à l'issue des sessions du Groupe de travail sur la coopération internationale et du Groupe de travail d'experts gouvernementaux sur l'assistance technique.", french);
        Assert.Contains(
            "Trois organisations non gouvernementales, un établissement universitaire, une entité du secteur privé et une autre partie prenante ont participé au dialogue, en ligne et en présentiel. " +
            "Au total, sept représentants ont assisté au dialogue, dont cinq en présentiel et deux en ligne.", french);
        Assert.Contains($"une réunion-débat s'est tenue avec trois intervenants représentant {a.Organization.Name}, {b.Organization.Name} et {d.Organization.Name}.", french);
        Assert.Contains($"Des déclarations ont été faites par les représentants des organisations suivantes\u00A0: {a.Organization.Name}\u00A0; " +
            $"{c.Organization.Name}, au nom d'{e.Organization.Name} et de {f.Organization.Name}\u00A0; {b.Organization.Name}\u00A0; {d.Organization.Name}\u00A0; et {g.Organization.Name}.", french);

        var spanish = await DraftAsync(dialogue, officer, "es");
        Assert.Contains("tras los períodos de sesiones del Grupo de Trabajo sobre Cooperación Internacional y del Grupo de Trabajo de Expertos Gubernamentales sobre Asistencia Técnica.", spanish);
        Assert.Contains(
            "Participaron en el diálogo, en línea y de forma presencial, tres organizaciones no gubernamentales, una institución académica, una entidad del sector privado y una parte interesada de otro tipo. " +
            "En total, asistieron al diálogo siete representantes, cinco de forma presencial y dos en línea.", spanish);
        Assert.Contains($"se celebró una mesa redonda con tres ponentes, en representación de {a.Organization.Name}, {b.Organization.Name} y {d.Organization.Name}.", spanish);
        Assert.Contains($"Formularon declaraciones los representantes de las siguientes organizaciones: {a.Organization.Name}; " +
            $"{c.Organization.Name}, en nombre de {e.Organization.Name} y {f.Organization.Name}; {b.Organization.Name}; {d.Organization.Name}; y {g.Organization.Name}.", spanish);
    }

    [Fact]
    public async Task Only_officers_and_auditors_download_the_draft_and_a_wrong_request_says_what_is_wrong()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.Participation.CreateDialogueAsync(officer);
        var user = await system.SignUpOrganizationUserAsync();
        var path = $"/v1/dialogues/{dialogue.DialogueId}/chair-summary?language=fr";

        foreach (var token in new[] { user.Token, await system.StateTokenAsync("AUT") })
        {
            using var denied = await GetAsync(path, token);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        using (var anonymous = await system.Http.GetAsync(path))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var unknown = await GetAsync($"/v1/dialogues/{Guid.NewGuid()}/chair-summary", officer))
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using (var german = await GetAsync($"/v1/dialogues/{dialogue.DialogueId}/chair-summary?language=de", officer))
        {
            Assert.Equal(HttpStatusCode.BadRequest, german.StatusCode);
            Assert.Contains("language", await german.Content.ReadAsStringAsync());
        }
        using var allowed = await GetAsync(path, await system.AuditorTokenAsync());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", allowed.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("-fr.docx", allowed.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    /// <summary>The downloaded document's text, read back with the Open XML SDK: a paragraph a line, headings marked.</summary>
    async Task<string> DraftAsync(RegistrationV1.Dialogue dialogue, string token, string language)
    {
        using var response = await GetAsync($"/v1/dialogues/{dialogue.DialogueId}/chair-summary?language={language}", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var word = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        return string.Join('\n', word.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p =>
        {
            var text = string.Concat(p.Descendants().Select(x => x is Text t ? t.Text : x is TabChar ? "\t" : ""));
            return p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1" ? Heading(text) : text;
        }));
    }

    static string Heading(string text) => $"# {text}";

    async Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await system.Http.SendAsync(request);
    }

    Task<RegistrationV1.Representative> NominateAsync(Applicant applicant, string name, Mode mode = Mode.InPerson) =>
        _steps.Participation.NominateAsync(applicant, name, mode);

    async Task<RegistrationV1.FloorRequest> RequestFloorAsync(Applicant applicant, RegistrationV1.AgendaItem item, RegistrationV1.Representative speaker,
        params Applicant[] onBehalfOf) =>
        (await _steps.Speakers.RequestFloorAsync(new RegistrationV1.RequestFloorRequest
        {
            AgendaItemId = item.AgendaItemId, ApplicationId = applicant.ApplicationId, RepresentativeId = speaker.RepresentativeId,
            OnBehalfOfOrganizationIds = { onBehalfOf.Select(o => o.Organization.OrganizationId) },
        }, applicant.User.Call)).FloorRequest;
}
