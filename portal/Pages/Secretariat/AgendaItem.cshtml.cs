using Accreditation.Registration.V1;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>
/// One agenda item: its wording, its panel (invitations to admitted organizations'
/// representatives, and their answers) and its list of speakers (the order, who spoke, the
/// statements to publish once the dialogue has taken place).
/// </summary>
public sealed class AgendaItemModel(ProgrammeService.ProgrammeServiceClient programmes, PanelService.PanelServiceClient panels,
    SpeakerService.SpeakerServiceClient speakers, RepresentativeService.RepresentativeServiceClient representatives) : SecretariatPageModel
{
    public DialogueProgramme Programme { get; private set; } = new();
    public AgendaItem Item { get; private set; } = new();
    public IReadOnlyList<FloorRequest> Speakers { get; private set; } = [];

    /// <summary>The admitted organizations and their representatives, whom the panel may invite.</summary>
    public IReadOnlyList<ParticipatingOrganization> Admitted { get; private set; } = [];

    public string? Posted { get; private set; }

    [BindProperty]
    public AgendaItemInput Input { get; set; } = new();

    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    public Task<IActionResult> OnGetAsync(string id, string itemId, CancellationToken ct) => ShowAsync(() => LoadAsync(id, itemId, ct));

    public async Task<IActionResult> OnPostAsync(string id, string itemId, CancellationToken ct)
    {
        Posted = "item";
        var request = new UpdateAgendaItemRequest { AgendaItemId = itemId, Number = Input.Number ?? 0, Title = Input.Title?.Trim() ?? "", Kind = Input.Kind };
        return await TryAsync(async () => await programmes.UpdateAgendaItemAsync(request, cancellationToken: ct))
            ? Done(Text["Agenda item saved."], "/Secretariat/AgendaItem", new { id, itemId })
            : await ShowAsync(() => LoadAsync(id, itemId, ct));
    }

    public async Task<IActionResult> OnPostInviteAsync(string id, string itemId, CancellationToken ct)
    {
        Posted = "invite";
        if (!Required(Invite.RepresentativeId, "Invite.RepresentativeId", "Choose a representative."))
            return await ShowAsync(() => LoadAsync(id, itemId, ct));
        var request = new InvitePanellistRequest { AgendaItemId = itemId, RepresentativeId = Invite.RepresentativeId! };
        var invited = await FetchAsync(async () => await panels.InvitePanellistAsync(request, cancellationToken: ct), nameof(Invite));
        return invited is null
            ? await ShowAsync(() => LoadAsync(id, itemId, ct))
            : Done(Text["{0} ({1}) is invited to the panel.", invited.Panellist.RepresentativeName, invited.Panellist.OrganizationName], "/Secretariat/AgendaItem", new { id, itemId });
    }

    public Task<IActionResult> OnPostRemovePanellistAsync(string id, string itemId, string panellistId, CancellationToken ct) =>
        ActAsync("panel", id, itemId, Text["Taken off the panel."],
            () => panels.RemovePanellistAsync(new RemovePanellistRequest { PanellistId = panellistId }, cancellationToken: ct).ResponseAsync, ct);

    /// <summary>One place earlier (up) or later in the list of speakers; the others keep their order.</summary>
    public async Task<IActionResult> OnPostMoveAsync(string id, string itemId, string floorRequestId, bool up, CancellationToken ct)
    {
        await LoadAsync(id, itemId, ct);
        var order = Speakers.Where(s => s.Status != FloorRequestStatus.Withdrawn).Select(s => s.FloorRequestId).ToList();
        var at = order.IndexOf(floorRequestId);
        var to = up ? at - 1 : at + 1;
        if (at >= 0 && to >= 0 && to < order.Count)
            (order[at], order[to]) = (order[to], order[at]);
        var request = new OrderSpeakersRequest { AgendaItemId = itemId, FloorRequestIds = { order } };
        return await ActAsync("speakers", id, itemId, Text["Order of speakers saved."],
            () => speakers.OrderSpeakersAsync(request, cancellationToken: ct).ResponseAsync, ct);
    }

    public Task<IActionResult> OnPostSpokeAsync(string id, string itemId, string floorRequestId, CancellationToken ct) =>
        ActAsync("speakers", id, itemId, Text["Marked as spoken."],
            () => speakers.MarkSpokeAsync(new MarkSpokeRequest { FloorRequestId = floorRequestId }, cancellationToken: ct).ResponseAsync, ct);

    public Task<IActionResult> OnPostPublishAsync(string id, string itemId, string floorRequestId, CancellationToken ct) =>
        ActAsync("speakers", id, itemId, Text["Statement published."],
            () => speakers.PublishStatementAsync(new PublishStatementRequest { FloorRequestId = floorRequestId }, cancellationToken: ct).ResponseAsync, ct);

    public Task<IActionResult> OnPostWithdrawAsync(string id, string itemId, string floorRequestId, CancellationToken ct) =>
        ActAsync("speakers", id, itemId, Text["Request for the floor withdrawn."],
            () => speakers.WithdrawFloorRequestAsync(new WithdrawFloorRequestRequest { FloorRequestId = floorRequestId }, cancellationToken: ct).ResponseAsync, ct);

    /// <summary>A statement's PDF, as the speaker's organization uploaded it.</summary>
    public async Task<IActionResult> OnGetStatementAsync(string id, string itemId, string floorRequestId, CancellationToken ct)
    {
        GetFloorRequestResponse? response = null;
        var shown = await ShowAsync(async () =>
            response = await speakers.GetFloorRequestAsync(new GetFloorRequestRequest { FloorRequestId = floorRequestId }, cancellationToken: ct));
        if (response is null)
            return shown;
        if (response.Document.IsEmpty || response.FloorRequest.AgendaItemId != itemId)
            return NotFound();
        return File(response.Document.ToByteArray(), "application/pdf", response.FloorRequest.Statement.DocumentName);
    }

    /// <summary>A button's call: on success the next page says so; a refusal shows above the list it concerns.</summary>
    async Task<IActionResult> ActAsync<T>(string posted, string id, string itemId, string done, Func<Task<T>> call, CancellationToken ct)
    {
        Posted = posted;
        return await TryAsync(async () => await call())
            ? Done(done, "/Secretariat/AgendaItem", new { id, itemId })
            : await ShowAsync(() => LoadAsync(id, itemId, ct));
    }

    async Task LoadAsync(string id, string itemId, CancellationToken ct)
    {
        Programme = (await programmes.GetDialogueProgrammeAsync(new GetDialogueProgrammeRequest { DialogueId = id }, cancellationToken: ct)).Programme;
        Item = Programme.AgendaItems.FirstOrDefault(i => i.AgendaItemId == itemId)
            ?? throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.NotFound, "agenda item"));
        Speakers = (await speakers.ListFloorRequestsAsync(new ListFloorRequestsRequest { DialogueId = id, AgendaItemId = itemId }, cancellationToken: ct)).FloorRequests;
        if (IsOfficer)
            Admitted = (await representatives.GetParticipantListAsync(new GetParticipantListRequest { DialogueId = id }, cancellationToken: ct)).Organizations;
        if (Posted != "item")
            Input = new AgendaItemInput { Number = Item.Number, Title = Item.Title, Kind = Item.Kind };
    }
}

/// <summary>Named as InvitePanellist's field (representative_id).</summary>
public sealed class InviteInput
{
    public string? RepresentativeId { get; set; }
}
