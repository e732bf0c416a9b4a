using Accreditation.Registration.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal.Pages.Organization;

/// <summary>
/// The dialogue an application is admitted to, as the organization takes part in it: the
/// programme, the panel invitations of its representatives (answered here for them), its requests
/// for the floor (and the statements), and the requests of others that name it "on behalf of".
/// </summary>
public sealed class ProgrammeModel(ApplicationService.ApplicationServiceClient applications, DialogueService.DialogueServiceClient dialogues,
    ProgrammeService.ProgrammeServiceClient programmes, PanelService.PanelServiceClient panels, SpeakerService.SpeakerServiceClient speakers,
    RepresentativeService.RepresentativeServiceClient representatives, IStringLocalizer<OrganizationText> text) : PortalPageModel
{
    public ApplicationFile Case { get; private set; } = null!;
    public DialogueProgramme Programme { get; private set; } = new();
    public IReadOnlyList<Representative> Representatives { get; private set; } = [];

    /// <summary>Which form was posted, so only its summary shows the refusal.</summary>
    public string? Posted { get; private set; }

    [BindProperty]
    public FloorInput Input { get; set; } = new();

    string OrganizationId => Case.Application.OrganizationId;

    /// <summary>Every panel invitation of this organization's representatives, with its item.</summary>
    public IEnumerable<(AgendaItem Item, Panellist Panellist)> Invitations =>
        Programme.AgendaItems.SelectMany(i => i.Panellists.Where(p => p.OrganizationId == OrganizationId).Select(p => (i, p)));

    public IEnumerable<FloorRequest> OwnRequests => Programme.FloorRequests.Where(f => f.OrganizationId == OrganizationId);

    /// <summary>Others' requests that name this organization, with what it answered.</summary>
    public IEnumerable<(FloorRequest Request, OnBehalfOf Named)> NamingUs =>
        Programme.FloorRequests.Where(f => f.OrganizationId != OrganizationId)
            .SelectMany(f => f.OnBehalfOf.Where(o => o.OrganizationId == OrganizationId).Select(o => (f, o)));

    /// <summary>The other organizations admitted to the dialogue, whom a speaker may speak for.</summary>
    public IReadOnlyList<AdmittedOrganization> Others { get; private set; } = [];

    public AgendaItem? ItemOf(string agendaItemId) => Programme.AgendaItems.FirstOrDefault(i => i.AgendaItemId == agendaItemId);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAnswerAsync(string id, string panellistId, bool accept, CancellationToken ct)
    {
        Posted = "panel";
        var answered = await FetchAsync(async () => await panels.AnswerPanelInvitationAsync(new AnswerPanelInvitationRequest { PanellistId = panellistId, Accept = accept }, cancellationToken: ct));
        if (answered is null)
            return await ShowAsync(id, ct);
        var panellist = answered.Panellist;
        return Done(accept ? text["{0} accepted the panel invitation.", panellist.RepresentativeName] : text["{0} declined the panel invitation.", panellist.RepresentativeName],
            "/Organization/Programme", new { id });
    }

    public async Task<IActionResult> OnPostFloorAsync(string id, CancellationToken ct)
    {
        Posted = "floor";
        var request = new RequestFloorRequest
        {
            AgendaItemId = Input.AgendaItemId ?? "", ApplicationId = id, RepresentativeId = Input.RepresentativeId ?? "",
            OnBehalfOfOrganizationIds = { Input.OnBehalfOfOrganizationIds.Distinct() },
        };
        var response = await FetchAsync(async () => await speakers.RequestFloorAsync(request, cancellationToken: ct));
        if (response is null)
            return await ShowAsync(id, ct);
        return Done(text["Your request for the floor is recorded (place {0} in the list of speakers).", response.FloorRequest.Position], "/Organization/Programme", new { id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string id, string floorRequestId, CancellationToken ct)
    {
        Posted = "requests";
        if (!await TryAsync(async () => await speakers.WithdrawFloorRequestAsync(new WithdrawFloorRequestRequest { FloorRequestId = floorRequestId }, cancellationToken: ct)))
            return await ShowAsync(id, ct);
        return Done(text["Your request for the floor is withdrawn."], "/Organization/Programme", new { id });
    }

    public async Task<IActionResult> OnPostConfirmAsync(string id, string floorRequestId, bool confirm, CancellationToken ct)
    {
        Posted = "behalf";
        Case = await ApplicationFile.LoadAsync(applications, dialogues, id, ct);
        var request = new ConfirmOnBehalfRequest { FloorRequestId = floorRequestId, OrganizationId = OrganizationId, Confirm = confirm };
        var response = await FetchAsync(async () => await speakers.ConfirmOnBehalfAsync(request, cancellationToken: ct));
        if (response is null)
            return await ShowAsync(id, ct);
        var speaker = response.FloorRequest.OrganizationName;
        return Done(confirm ? text["{0} speaks on your behalf.", speaker] : text["You declined: {0} does not speak on your behalf.", speaker],
            "/Organization/Programme", new { id });
    }

    /// <summary>A meeting document's PDF.</summary>
    public async Task<IActionResult> OnGetPdfAsync(string id, string documentId, CancellationToken ct)
    {
        try
        {
            var response = await programmes.GetMeetingDocumentAsync(new GetMeetingDocumentRequest { DocumentId = documentId }, cancellationToken: ct);
            return response.Document.IsEmpty ? NotFound() : File(response.Document.ToByteArray(), "application/pdf", response.MeetingDocument.DocumentName);
        }
        catch (RpcException e) when (OrganizationWords.Refusal(e) is { } refusal)
        {
            return refusal;
        }
    }

    async Task<IActionResult> ShowAsync(string id, CancellationToken ct)
    {
        try
        {
            Case = await ApplicationFile.LoadAsync(applications, dialogues, id, ct);
            Programme = (await programmes.GetDialogueProgrammeAsync(new GetDialogueProgrammeRequest { DialogueId = Case.Application.DialogueId }, cancellationToken: ct)).Programme;
            Representatives = (await representatives.ListRepresentativesAsync(new ListRepresentativesRequest { ApplicationId = id }, cancellationToken: ct)).Representatives
                .Where(r => r.Status != RepresentativeStatus.Withdrawn).ToList();
            Others = (await speakers.ListAdmittedOrganizationsAsync(new ListAdmittedOrganizationsRequest { DialogueId = Case.Application.DialogueId }, cancellationToken: ct))
                .Organizations.Where(o => o.OrganizationId != OrganizationId).ToList();
            return Page();
        }
        catch (RpcException e) when (OrganizationWords.Refusal(e) is { } refusal)
        {
            return refusal;
        }
    }
}

/// <summary>Named as RequestFloor's fields (agenda_item_id, representative_id, on_behalf_of_organization_ids).</summary>
public sealed class FloorInput
{
    public string? AgendaItemId { get; set; }
    public string? RepresentativeId { get; set; }
    public List<string> OnBehalfOfOrganizationIds { get; set; } = [];
}
