using Accreditation.Registration.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>
/// An officer circulates the dialogue's eligible applications to the States parties with an
/// objection deadline; the dialogue's policy may admit some without circulation. The answer is
/// shown at once (it names what this one call did).
/// </summary>
public sealed class CirculateModel(DialogueService.DialogueServiceClient dialogues, SecretariatService.SecretariatServiceClient secretariat)
    : SecretariatPageModel
{
    public Dialogue Dialogue { get; private set; } = new();
    public IReadOnlyList<ScreeningQueueEntry> Eligible { get; private set; } = [];
    public CirculateApplicationsResponse? Result { get; private set; }
    /// <summary>The organizations of the applications named in the result, by application.</summary>
    public IReadOnlyDictionary<string, string> OrganizationNames { get; private set; } = new Dictionary<string, string>();

    [BindProperty]
    public CirculateInput Input { get; set; } = new();

    public Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => ShowAsync(() => LoadAsync(id, ct));

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var eligible = await ShowAsync(() => LoadAsync(id, ct));
        if (eligible is not PageResult)
            return eligible;
        var names = Eligible.ToDictionary(e => e.Application.ApplicationId, e => e.Organization.Name);
        Result = await FetchAsync(async () => await secretariat.CirculateApplicationsAsync(new CirculateApplicationsRequest
        {
            DialogueId = id, Deadline = Input.Deadline is { } day ? Display.EndOfDay(day) : null,
        }, cancellationToken: ct));
        if (Result is null)
            return Page();
        OrganizationNames = names;
        return await ShowAsync(() => LoadAsync(id, ct));
    }

    async Task LoadAsync(string id, CancellationToken ct)
    {
        Dialogue = (await dialogues.GetDialogueAsync(new GetDialogueRequest { DialogueId = id }, cancellationToken: ct)).Dialogue;
        Eligible = await WholeQueueAsync(secretariat, new ListScreeningQueueRequest { DialogueId = id, State = ApplicationState.Eligible }, ct);
    }

    public string NameOf(string applicationId) => OrganizationNames.TryGetValue(applicationId, out var name) ? name : applicationId;
}

public sealed class CirculateInput
{
    /// <summary>Empty: the service's default, now plus the dialogue's objection period.</summary>
    public DateOnly? Deadline { get; set; }
}
