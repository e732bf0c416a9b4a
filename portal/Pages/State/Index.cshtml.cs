using Accreditation.Objections.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal.Pages.State;

/// <summary>
/// A State party's page: the applicants circulated to the States parties (organization-level data
/// only) and the State's own objections, filed and withdrawn here while an applicant's window is
/// open. The State is the signed-in person's (their token's), never a field of the page.
/// </summary>
public sealed class IndexModel(CirculationService.CirculationServiceClient circulations, ObjectionService.ObjectionServiceClient objections,
    TimeProvider clock, IStringLocalizer<StateText> text) : PortalPageModel
{
    const int PageSize = 200;

    [BindProperty]
    public FileObjectionInput Input { get; set; } = new();

    public IReadOnlyList<CirculatedApplicant> Applicants { get; private set; } = [];
    public ILookup<string, Objection> ObjectionsByApplication { get; private set; } = Array.Empty<Objection>().ToLookup(o => o.ApplicationId);
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostFileAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var request = new FileObjectionRequest { ApplicationId = Input.ApplicationId, Grounds = Input.Grounds?.Trim() ?? "" };
            if (await FetchAsync(async () => await objections.FileObjectionAsync(request, cancellationToken: ct)) is not null)
                return Done(text["Your objection is filed."], "/State/Index");
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string objectionId, CancellationToken ct)
    {
        var request = new WithdrawObjectionRequest { ObjectionId = objectionId };
        if (await TryAsync(async () => await objections.WithdrawObjectionAsync(request, cancellationToken: ct)))
            return Done(text["Your objection is withdrawn."], "/State/Index");
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Whether the window for objections to this applicant is still open (the service has the last word).</summary>
    public bool IsOpen(CirculatedApplicant applicant) => applicant.Deadline is null || applicant.Deadline.ToDateTimeOffset() > Now;

    /// <summary>The State's objection that stands (not withdrawn) for this applicant, if any.</summary>
    public Objection? Standing(CirculatedApplicant applicant) =>
        ObjectionsByApplication[applicant.ApplicationId].FirstOrDefault(o => o.WithdrawnAt is null);

    async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        var applicants = new List<CirculatedApplicant>();
        var token = "";
        do
        {
            var page = await circulations.ListCirculatedApplicantsAsync(new ListCirculatedApplicantsRequest { PageSize = PageSize, PageToken = token }, cancellationToken: ct);
            applicants.AddRange(page.Applicants);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        var own = new List<Objection>();
        do
        {
            var page = await objections.ListObjectionsAsync(new ListObjectionsRequest { PageSize = PageSize, PageToken = token }, cancellationToken: ct);
            own.AddRange(page.Objections);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        // Open windows first, the nearest deadline first; then those closed, the latest first.
        Applicants = [.. applicants.OrderByDescending(IsOpen).ThenBy(a => IsOpen(a) ? a.Deadline?.Seconds ?? long.MaxValue : -(a.Deadline?.Seconds ?? 0)).ThenBy(a => a.Name, StringComparer.CurrentCulture)];
        ObjectionsByApplication = own.OrderByDescending(o => o.FiledAt?.Seconds ?? 0).ToLookup(o => o.ApplicationId);
    }
}

public sealed class FileObjectionInput
{
    public string ApplicationId { get; set; } = "";

    /// <summary>Optional: why the State objects, in its own words.</summary>
    public string? Grounds { get; set; }
}
