using Accreditation.Registration.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>
/// The screening queue with its filters; an officer screens several applications at once with one
/// reason, each screened by its own call, each answered on its own (one refusal stops no other).
/// </summary>
public sealed class ScreeningModel(SecretariatService.SecretariatServiceClient secretariat, DialogueService.DialogueServiceClient dialogues)
    : SecretariatPageModel
{
    [BindProperty(SupportsGet = true, Name = "dialogue")]
    public string? DialogueId { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")]
    public ApplicationState State { get; set; } = ApplicationState.Submitted;

    [BindProperty(SupportsGet = true, Name = "category")]
    public StakeholderCategory Category { get; set; }

    [BindProperty(SupportsGet = true, Name = "country")]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? PageToken { get; set; }

    public string NextPageToken { get; private set; } = "";

    [BindProperty]
    public ScreeningInput Input { get; set; } = new();

    public IReadOnlyList<ScreeningQueueEntry> Entries { get; private set; } = [];
    public IReadOnlyList<Dialogue> Dialogues { get; private set; } = [];
    /// <summary>After a bulk screening: each application's outcome, or the service's refusal.</summary>
    public IReadOnlyList<ScreeningResult> Results { get; private set; } = [];

    /// <summary>The states an officer looks for in the queue.</summary>
    public static IReadOnlyList<ApplicationState> States { get; } =
    [
        ApplicationState.Submitted, ApplicationState.InformationRequested, ApplicationState.Eligible, ApplicationState.Ineligible,
        ApplicationState.Circulated, ApplicationState.Referred, ApplicationState.Admitted, ApplicationState.NotAdmitted,
        ApplicationState.Lapsed, ApplicationState.Withdrawn,
    ];

    public static IReadOnlyList<StakeholderCategory> Categories { get; } =
        [StakeholderCategory.Ngo, StakeholderCategory.Academia, StakeholderCategory.PrivateSector, StakeholderCategory.Other];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(() => LoadAsync(ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Selected.Count == 0)
            ModelState.AddModelError("Input.Selected", Text["Select at least one application."]);
        if (!ModelState.IsValid)
            return await ShowAsync(() => LoadAsync(ct));
        // The organizations' names as the queue shows them now: once screened, an application leaves it.
        await LoadAsync(ct);
        var names = Entries.ToDictionary(e => e.Application.ApplicationId, e => e.Organization.Name);
        var results = new List<ScreeningResult>();
        foreach (var id in Input.Selected.Distinct())
        {
            try
            {
                var screened = await secretariat.ScreenApplicationAsync(new ScreenApplicationRequest
                {
                    ApplicationId = id, Outcome = Input.Outcome, Reason = Input.Reason?.Trim() ?? "",
                }, cancellationToken: ct);
                results.Add(new ScreeningResult(id, names.GetValueOrDefault(id, id), screened.Application.State, null));
            }
            catch (RpcException e)
            {
                results.Add(new ScreeningResult(id, names.GetValueOrDefault(id, id), null, Describe(ServiceError.From(e))));
            }
        }
        Results = results;
        // The queue as it now stands; the choices made stay for a second try of the refused ones.
        Input.Selected = results.Where(r => r.Refusal is not null).Select(r => r.ApplicationId).ToList();
        return await ShowAsync(() => LoadAsync(ct));
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Dialogues = (await dialogues.ListDialoguesAsync(new ListDialoguesRequest { PageSize = 100 }, cancellationToken: ct)).Dialogues;
        var page = await secretariat.ListScreeningQueueAsync(new ListScreeningQueueRequest
        {
            DialogueId = DialogueId ?? "", State = State, Category = Category, Country = Country?.Trim().ToUpperInvariant() ?? "",
            PageSize = 100, PageToken = PageToken ?? "",
        }, cancellationToken: ct);
        Entries = page.Entries;
        NextPageToken = page.NextPageToken;
    }

    public string DialogueName(string id) => Dialogues.FirstOrDefault(d => d.DialogueId == id) is { } d ? TitleOf(d) : id;
}

public sealed class ScreeningInput
{
    public List<string> Selected { get; set; } = [];

    public ScreeningOutcome Outcome { get; set; } = ScreeningOutcome.Eligible;

    public string? Reason { get; set; }
}

/// <summary>One application of a bulk screening: its new state, or why the service refused.</summary>
public sealed record ScreeningResult(string ApplicationId, string Organization, ApplicationState? State, string? Refusal);
