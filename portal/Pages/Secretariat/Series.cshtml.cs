using Accreditation.Registration.V1;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>
/// The figures of a series of dialogues (e.g. "2022 constructive dialogues"): distinct
/// organizations that took part, by category and regional group, online and in person, and each
/// dialogue with where its figures come from.
/// </summary>
public sealed class SeriesModel(ProgrammeService.ProgrammeServiceClient programmes) : SecretariatPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    public GetSeriesStatisticsResponse? Figures { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Name))
            return Page();
        var request = new GetSeriesStatisticsRequest { Series = Name.Trim() };
        // An unknown series is no error: it has no dialogue yet, and the page says so.
        Figures = await FetchAsync(async () => await programmes.GetSeriesStatisticsAsync(request, cancellationToken: ct), "Series");
        return Page();
    }
}
