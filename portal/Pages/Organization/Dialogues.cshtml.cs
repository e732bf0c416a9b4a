using Accreditation.Portal.Services;
using Accreditation.Registration.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal.Pages.Organization;

/// <summary>The dialogues whose registration is open (by the service's clock), each with its Apply button.</summary>
public sealed class DialoguesModel(MyOrganization mine, DialogueService.DialogueServiceClient dialogues,
    ApplicationService.ApplicationServiceClient applications, IStringLocalizer<OrganizationText> text) : PortalPageModel
{
    public Registration.V1.Organization? Organization { get; private set; }
    public IReadOnlyList<Dialogue> Open { get; private set; } = [];

    /// <summary>The organization's application to each dialogue it applied to, by dialogue.</summary>
    public IReadOnlyDictionary<string, Application> Applied { get; private set; } = new Dictionary<string, Application>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostApplyAsync(string dialogueId, CancellationToken ct)
    {
        Organization = await mine.GetAsync();
        if (Organization is null)
            return RedirectToPage("/Organization/Profile");
        var request = new SubmitApplicationRequest { OrganizationId = Organization.OrganizationId, DialogueId = dialogueId };
        var response = await FetchAsync(async () => await applications.SubmitApplicationAsync(request, cancellationToken: ct));
        if (response is null)
        {
            await LoadAsync(ct);
            return Page();
        }
        return Done(text["Your application is submitted: the secretariat screens it next."], "/Organization/Application",
            new { id = response.Application.ApplicationId });
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Organization = await mine.GetAsync();
        Open = (await dialogues.ListDialoguesAsync(new ListDialoguesRequest { OpenForRegistration = true, PageSize = 100 }, cancellationToken: ct)).Dialogues;
        if (Organization is not null)
            Applied = (await applications.ListApplicationsAsync(new ListApplicationsRequest { PageSize = 100 }, cancellationToken: ct)).Applications
                .GroupBy(a => a.DialogueId).ToDictionary(g => g.Key, g => g.Last());
    }

    public static string DateOf(Dialogue dialogue) =>
        DateOnly.TryParseExact(dialogue.Date, "yyyy-MM-dd", out var day) ? Display.Date(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) : dialogue.Date;
}
