using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.FunctionalTests.Programme;
using static Accreditation.FunctionalTests.Access.Role;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Access;

/// <summary>
/// The objects the programme's rows reach for, in a dialogue of their own (so the other rows'
/// withdrawals and nominations do not touch them): per side an admitted organization with
/// representatives, a panellist, floor requests and meeting documents, some only to be removed.
/// </summary>
public sealed record ProgrammeObjects(
    string DialogueId, string PanelItemId, string InputsItemId, string OrderItemId,
    IReadOnlyDictionary<Side, string> Organizations, IReadOnlyDictionary<Side, string> Applications,
    IReadOnlyDictionary<Side, string> Representatives, IReadOnlyDictionary<Side, string> JoinCodes,
    IReadOnlyDictionary<Side, string> RemovableItems, IReadOnlyDictionary<Side, string> Documents, IReadOnlyDictionary<Side, string> RemovableDocuments,
    IReadOnlyDictionary<Side, string> Panellists, IReadOnlyDictionary<Side, string> RemovablePanellists,
    IReadOnlyDictionary<Side, string> FloorRequests, IReadOnlyDictionary<Side, string> WithdrawableFloorRequests,
    IReadOnlyDictionary<Side, string> NamingFloorRequests, IReadOnlyList<string> OrderedFloorRequests)
{
    public const string Series = "Matrix constructive dialogues";

    public static Side Other(Side side) => side == Side.A ? Side.B : Side.A;

    public static async Task<ProgrammeObjects> BuildAsync(SystemFixture system, string officer, IReadOnlyDictionary<Side, OrganizationUser> users)
    {
        var steps = new ProgrammeSteps(system);
        var dialogue = await steps.Participation.CreateDialogueAsync(officer, quota: 3);
        await steps.Programme.UpdateProgrammeAsync(new RegistrationV1.UpdateProgrammeRequest
        {
            DialogueId = dialogue.DialogueId, Series = Series,
            WorkingGroups = { new RegistrationV1.WorkingGroupSession { Name = dialogue.WorkingGroup, Session = dialogue.Session } },
        }, SystemFixture.Bearer(officer));
        var panel = await steps.AddItemAsync(officer, dialogue, 3, "Panel", RegistrationV1.AgendaItemKind.Panel);
        var inputs = await steps.AddItemAsync(officer, dialogue, 4, "Collection of inputs", RegistrationV1.AgendaItemKind.CollectionOfInputs);
        var order = await steps.AddItemAsync(officer, dialogue, 5, "Closing statements", RegistrationV1.AgendaItemKind.Other);
        var applicants = new Dictionary<Side, Applicant>();
        foreach (var side in new[] { Side.A, Side.B })
        {
            var organization = await steps.Participation.Api.CreateOrganizationAsync(users[side], $"Matrix {side} Programme Institute", RegistrationV1.EcosocStatus.Special);
            var application = await steps.Participation.Api.ApplyAsync(users[side], organization, dialogue);
            await steps.Participation.Api.ScreenEligibleAsync(officer, application);
            applicants[side] = new Applicant(users[side], organization, application);
        }
        await steps.Participation.Api.Secretariat.CirculateApplicationsAsync(new RegistrationV1.CirculateApplicationsRequest { DialogueId = dialogue.DialogueId }, SystemFixture.Bearer(officer));

        Dictionary<Side, string> representatives = [], joinCodes = [], removableItems = [], documents = [], removableDocuments = [],
            panellists = [], removablePanellists = [], floor = [], withdrawable = [], naming = [];
        var ordered = new List<string>();
        foreach (var (side, applicant) in applicants)
        {
            var seated = await steps.Participation.NominateAsync(applicant, $"Matrix Panellist {side}");
            var spare = await steps.Participation.NominateAsync(applicant, $"Matrix Spare {side}");
            await steps.Participation.NominateAsync(applicant, $"Matrix Online {side}", RegistrationV1.AttendanceMode.Online);
            representatives[side] = seated.RepresentativeId;
            joinCodes[side] = (await steps.Attendance.ListJoinLinksAsync(new RegistrationV1.ListJoinLinksRequest { ApplicationId = applicant.ApplicationId }, applicant.User.Call))
                .Links.Single().JoinCode;
            removableItems[side] = (await steps.AddItemAsync(officer, dialogue, side == Side.A ? 20 : 21, $"Removable {side}", RegistrationV1.AgendaItemKind.Other)).AgendaItemId;
            documents[side] = await DocumentAsync(steps, officer, dialogue, $"MATRIX/{side}/CRP.1");
            removableDocuments[side] = await DocumentAsync(steps, officer, dialogue, $"MATRIX/{side}/CRP.2");
            panellists[side] = await InviteAsync(steps, officer, panel, seated);
            removablePanellists[side] = await InviteAsync(steps, officer, panel, spare);
            floor[side] = await FloorAsync(steps, applicant, inputs);
            withdrawable[side] = await FloorAsync(steps, applicant, inputs);
            ordered.Add(await FloorAsync(steps, applicant, order));
        }
        // A request of each side naming the other side's organization: the named one confirms.
        foreach (var side in new[] { Side.A, Side.B })
            naming[side] = await FloorAsync(steps, applicants[Other(side)], inputs, applicants[side].Organization.OrganizationId);

        return new ProgrammeObjects(dialogue.DialogueId, panel.AgendaItemId, inputs.AgendaItemId, order.AgendaItemId,
            applicants.ToDictionary(a => a.Key, a => a.Value.Organization.OrganizationId), applicants.ToDictionary(a => a.Key, a => a.Value.ApplicationId),
            representatives, joinCodes, removableItems, documents, removableDocuments, panellists, removablePanellists, floor, withdrawable, naming, ordered);
    }

    static async Task<string> DocumentAsync(ProgrammeSteps steps, string officer, RegistrationV1.Dialogue dialogue, string symbol) =>
        (await steps.Programme.AddMeetingDocumentAsync(new RegistrationV1.AddMeetingDocumentRequest
        {
            DialogueId = dialogue.DialogueId, Symbol = symbol, Title = "Matrix paper",
        }, SystemFixture.Bearer(officer))).MeetingDocument.DocumentId;

    static async Task<string> InviteAsync(ProgrammeSteps steps, string officer, RegistrationV1.AgendaItem panel, RegistrationV1.Representative representative) =>
        (await steps.Panels.InvitePanellistAsync(new RegistrationV1.InvitePanellistRequest
        {
            AgendaItemId = panel.AgendaItemId, RepresentativeId = representative.RepresentativeId,
        }, SystemFixture.Bearer(officer))).Panellist.PanellistId;

    static async Task<string> FloorAsync(ProgrammeSteps steps, Applicant applicant, RegistrationV1.AgendaItem item, params string[] onBehalfOf) =>
        (await steps.Speakers.RequestFloorAsync(new RegistrationV1.RequestFloorRequest
        {
            AgendaItemId = item.AgendaItemId, ApplicationId = applicant.ApplicationId, OnBehalfOfOrganizationIds = { onBehalfOf },
        }, applicant.User.Call)).FloorRequest.FloorRequestId;
}

public static partial class AuthorizationMatrix
{
    /// <summary>A floor request the caller's organization neither made nor is named in does not exist for it.</summary>
    static Outcome SpeakerOnly(Role role, Side side, bool secretariatReads) => role switch
    {
        Anonymous => Outcome.Unauthenticated,
        OrganizationA or OrganizationB => MatrixWorld.Own(role) == side ? Outcome.Allowed : Outcome.Hidden,
        Officer or Auditor when secretariatReads => Outcome.Allowed,
        _ => Outcome.Denied,
    };

    /// <summary>The dialogue itself (issue 18): programme, panels, speakers, attendance, public page.</summary>
    static Dictionary<string, MatrixRow> ProgrammeRows() => new()
    {
        ["accreditation.registration.v1.ProgrammeService/UpdateProgramme"] = new((w, _) => new RegistrationV1.UpdateProgrammeRequest
        {
            DialogueId = w.Programme.DialogueId, Series = ProgrammeObjects.Series,
            WorkingGroups = { new RegistrationV1.WorkingGroupSession { Name = "Working Group on Trafficking in Persons", Session = "fifteenth session" } },
        }, Officers),
        // Any organization user reads a dialogue's programme (filtered to what concerns it); States never: it lists representatives.
        ["accreditation.registration.v1.ProgrammeService/GetDialogueProgramme"] = new((w, _) => new RegistrationV1.GetDialogueProgrammeRequest { DialogueId = w.Programme.DialogueId },
            Only(OrganizationA, OrganizationB, Officer, Auditor)),
        // The officer's second cell meets ALREADY_EXISTS (the number is taken), past authorization.
        ["accreditation.registration.v1.ProgrammeService/AddAgendaItem"] = new((w, s) => new RegistrationV1.AddAgendaItemRequest
        {
            DialogueId = w.Programme.DialogueId, Number = s == Side.A ? 10 : 11, Title = "Matrix item", Kind = RegistrationV1.AgendaItemKind.Other,
        }, Officers),
        ["accreditation.registration.v1.ProgrammeService/UpdateAgendaItem"] = new((w, s) => new RegistrationV1.UpdateAgendaItemRequest
        {
            AgendaItemId = w.Programme.RemovableItems[s], Number = s == Side.A ? 20 : 21, Title = $"Removable {s}", Kind = RegistrationV1.AgendaItemKind.Other,
        }, Officers),
        ["accreditation.registration.v1.ProgrammeService/RemoveAgendaItem"] = new((w, s) => new RegistrationV1.RemoveAgendaItemRequest { AgendaItemId = w.Programme.RemovableItems[s] }, Officers),
        ["accreditation.registration.v1.ProgrammeService/AddMeetingDocument"] = new((w, s) => new RegistrationV1.AddMeetingDocumentRequest
        {
            DialogueId = w.Programme.DialogueId, Symbol = $"MATRIX/{s}/NEW", Title = "Matrix paper",
        }, Officers),
        // Meeting documents are public documents.
        ["accreditation.registration.v1.ProgrammeService/GetMeetingDocument"] = new((w, s) => new RegistrationV1.GetMeetingDocumentRequest { DocumentId = w.Programme.Documents[s] }, Anyone),
        ["accreditation.registration.v1.ProgrammeService/RemoveMeetingDocument"] = new((w, s) => new RegistrationV1.RemoveMeetingDocumentRequest { DocumentId = w.Programme.RemovableDocuments[s] }, Officers),
        ["accreditation.registration.v1.ProgrammeService/GetSeriesStatistics"] = new((_, _) => new RegistrationV1.GetSeriesStatisticsRequest { Series = ProgrammeObjects.Series }, Readers),

        // Already on the panel: the officer's cells meet ALREADY_EXISTS, past authorization.
        ["accreditation.registration.v1.PanelService/InvitePanellist"] = new((w, s) => new RegistrationV1.InvitePanellistRequest
        {
            AgendaItemId = w.Programme.PanelItemId, RepresentativeId = w.Programme.Representatives[s],
        }, Officers),
        // The representative's organization answers for it, nobody else.
        ["accreditation.registration.v1.PanelService/AnswerPanelInvitation"] = new((w, s) => new RegistrationV1.AnswerPanelInvitationRequest
        {
            PanellistId = w.Programme.Panellists[s], Accept = true,
        }, Organization(secretariat: false)),
        ["accreditation.registration.v1.PanelService/RemovePanellist"] = new((w, s) => new RegistrationV1.RemovePanellistRequest { PanellistId = w.Programme.RemovablePanellists[s] }, Officers),
        ["accreditation.registration.v1.PanelService/ListPanelInvitations"] = new((w, s) => new RegistrationV1.ListPanelInvitationsRequest { OrganizationId = w.Programme.Organizations[s] },
            Organization(secretariat: true)),

        ["accreditation.registration.v1.SpeakerService/RequestFloor"] = new((w, s) => new RegistrationV1.RequestFloorRequest
        {
            AgendaItemId = w.Programme.InputsItemId, ApplicationId = w.Programme.Applications[s],
        }, Organization(secretariat: false)),
        // The other side made the request naming this side: it sees the request, but confirms only for its own organization.
        ["accreditation.registration.v1.SpeakerService/ConfirmOnBehalf"] = new((w, s) => new RegistrationV1.ConfirmOnBehalfRequest
        {
            FloorRequestId = w.Programme.NamingFloorRequests[s], OrganizationId = w.Programme.Organizations[s], Confirm = true,
        }, Organization(secretariat: false)),
        // The speaking organization withdraws its own; an officer may withdraw any.
        ["accreditation.registration.v1.SpeakerService/WithdrawFloorRequest"] = new((w, s) => new RegistrationV1.WithdrawFloorRequestRequest { FloorRequestId = w.Programme.WithdrawableFloorRequests[s] },
            (role, side) => role == Officer ? Outcome.Allowed : SpeakerOnly(role, side, secretariatReads: false)),
        ["accreditation.registration.v1.SpeakerService/OrderSpeakers"] = new((w, _) => new RegistrationV1.OrderSpeakersRequest
        {
            AgendaItemId = w.Programme.OrderItemId, FloorRequestIds = { w.Programme.OrderedFloorRequests },
        }, Officers),
        ["accreditation.registration.v1.SpeakerService/MarkSpoke"] = new((w, s) => new RegistrationV1.MarkSpokeRequest { FloorRequestId = w.Programme.FloorRequests[s] }, Officers),
        ["accreditation.registration.v1.SpeakerService/SubmitStatement"] = new((w, s) => new RegistrationV1.SubmitStatementRequest
        {
            FloorRequestId = w.Programme.FloorRequests[s], Text = "A matrix statement.",
        }, (role, side) => SpeakerOnly(role, side, secretariatReads: false)),
        ["accreditation.registration.v1.SpeakerService/PublishStatement"] = new((w, s) => new RegistrationV1.PublishStatementRequest { FloorRequestId = w.Programme.FloorRequests[s] }, Officers),
        ["accreditation.registration.v1.SpeakerService/GetFloorRequest"] = new((w, s) => new RegistrationV1.GetFloorRequestRequest { FloorRequestId = w.Programme.FloorRequests[s] },
            (role, side) => SpeakerOnly(role, side, secretariatReads: true)),
        ["accreditation.registration.v1.SpeakerService/ListFloorRequests"] = new((w, _) => new RegistrationV1.ListFloorRequestsRequest { DialogueId = w.Programme.DialogueId },
            Only(OrganizationA, OrganizationB, Officer, Auditor)),

        // Both sides' organizations are admitted to the matrix's programme dialogue; States are never.
        ["accreditation.registration.v1.SpeakerService/ListAdmittedOrganizations"] = new((w, _) => new RegistrationV1.ListAdmittedOrganizationsRequest { DialogueId = w.Programme.DialogueId },
            Only(OrganizationA, OrganizationB, Officer, Auditor)),
        // A dialogue neither side is admitted to: only the secretariat lists its organizations.
        ["accreditation.registration.v1.SpeakerService/ListAdmittedOrganizations" + Variant + "not admitted"] = new((w, _) => new RegistrationV1.ListAdmittedOrganizationsRequest
        {
            DialogueId = w.SecondDialogueId,
        }, Readers),

        ["accreditation.registration.v1.AttendanceService/CheckIn"] = new((w, s) => new RegistrationV1.CheckInRequest { RepresentativeId = w.Programme.Representatives[s] }, Officers),
        ["accreditation.registration.v1.AttendanceService/ListCheckIn"] = new((w, _) => new RegistrationV1.ListCheckInRequest { DialogueId = w.Programme.DialogueId }, Readers),
        // Issuing a code is a write: the organization's members and officers, not auditors.
        ["accreditation.registration.v1.AttendanceService/ListJoinLinks"] = new((w, s) => new RegistrationV1.ListJoinLinksRequest { ApplicationId = w.Programme.Applications[s] },
            (role, side) => role == Officer ? Outcome.Allowed : Organization(secretariat: false)(role, side)),

        // Without a token. The matrix's dialogue is still to come: its page does not exist yet for anyone.
        ["accreditation.registration.v1.PublicDialogueService/ListPublicDialogues"] = new((_, _) => new RegistrationV1.ListPublicDialoguesRequest(), (_, _) => Outcome.Allowed),
        ["accreditation.registration.v1.PublicDialogueService/GetPublicDialogue"] = new((w, _) => new RegistrationV1.GetPublicDialogueRequest { DialogueId = w.Programme.DialogueId },
            (_, _) => Outcome.Hidden),
        ["accreditation.registration.v1.PublicDialogueService/GetPublicDocument"] = new((w, s) => new RegistrationV1.GetPublicDocumentRequest
        {
            DialogueId = w.Programme.DialogueId, DocumentId = w.Programme.Documents[s],
        }, (_, _) => Outcome.Hidden),
        ["accreditation.registration.v1.PublicDialogueService/JoinOnline"] = new((w, s) => new RegistrationV1.JoinOnlineRequest { JoinCode = w.Programme.JoinCodes[s] }, (_, _) => Outcome.Allowed),
    };
}
