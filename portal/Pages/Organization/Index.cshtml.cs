using Accreditation.Portal.Services;
using Accreditation.Registration.V1;

namespace Accreditation.Portal.Pages.Organization;

/// <summary>The organization's home: each application, where it stands and what it needs next.</summary>
public sealed class IndexModel(MyOrganization mine, ApplicationService.ApplicationServiceClient applications,
    DialogueService.DialogueServiceClient dialogues) : PortalPageModel
{
    public Registration.V1.Organization? Organization { get; private set; }
    public IReadOnlyList<Application> Applications { get; private set; } = [];
    public IReadOnlyDictionary<string, Dialogue> Dialogues { get; private set; } = new Dictionary<string, Dialogue>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organization = await mine.GetAsync();
        if (Organization is null)
            return;
        Applications = (await applications.ListApplicationsAsync(new ListApplicationsRequest { PageSize = 100 }, cancellationToken: ct)).Applications;
        Dialogues = (await dialogues.ListDialoguesAsync(new ListDialoguesRequest { PageSize = 100 }, cancellationToken: ct)).Dialogues
            .ToDictionary(d => d.DialogueId);
    }

    public string DialogueName(string id) => Dialogues.TryGetValue(id, out var d) ? $"{d.WorkingGroup}, {d.Session}" : id;
}
