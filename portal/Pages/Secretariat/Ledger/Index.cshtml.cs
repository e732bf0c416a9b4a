using Accreditation.Registration.V1;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Secretariat.Ledger;

/// <summary>
/// The auditor's ledger: entries filtered by application, organization, dialogue, actor and
/// dates, a page at a time. The filters and the page are in the query string, so a result can be
/// linked to and paged back and forth without script; the service's page tokens stay opaque.
/// </summary>
public sealed class IndexModel(LedgerService.LedgerServiceClient ledger) : PortalPageModel
{
    const int PageSize = 50;

    /// <summary>Each earlier page's token, "p" in front so the first page (no token) has one too.</summary>
    const char Mark = 'p';

    [BindProperty(SupportsGet = true)]
    public LedgerQuery Query { get; set; } = new();

    /// <summary>The token of the page shown; none for the first.</summary>
    [BindProperty(SupportsGet = true, Name = "token")]
    public string? PageToken { get; set; }

    /// <summary>The tokens of the pages before this one, oldest first, each marked (see <see cref="Mark"/>), comma-separated.</summary>
    [BindProperty(SupportsGet = true, Name = "back")]
    public string? Back { get; set; }

    public IReadOnlyList<LedgerEntry> Entries { get; private set; } = [];
    public string NextPageToken { get; private set; } = "";
    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        var request = new ListLedgerEntriesRequest
        {
            ApplicationId = Query.ApplicationId?.Trim() ?? "",
            OrganizationId = Query.OrganizationId?.Trim() ?? "",
            DialogueId = Query.DialogueId?.Trim() ?? "",
            ActorSubject = Query.ActorSubject?.Trim() ?? "",
            From = Query.From is { } from ? Display.StartOfDay(from) : null,
            // The "to" date is included: the bound the service takes is the start of the next day.
            To = Query.To is { } to ? Display.StartOfDay(to.AddDays(1)) : null,
            PageSize = PageSize,
            PageToken = PageToken ?? "",
        };
        try
        {
            var page = await FetchAsync(async () => await ledger.ListLedgerEntriesAsync(request, cancellationToken: ct), nameof(Query));
            if (page is not null)
            {
                Entries = page.Entries;
                NextPageToken = page.NextPageToken;
                Searched = true;
            }
            return Page();
        }
        catch (RpcException e) when (e.StatusCode == GrpcStatus.PermissionDenied)
        {
            // The service decides whose ledger it is: its refusal is the portal's 403 page.
            return StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    IReadOnlyList<string> Earlier => string.IsNullOrEmpty(Back) ? [] : Back.Split(',');

    public bool HasPrevious => Earlier.Count > 0;

    /// <summary>The query string values of this search, at another page.</summary>
    Dictionary<string, string> At(string? page, string? back)
    {
        var values = new Dictionary<string, string?>
        {
            ["Query.ApplicationId"] = Query.ApplicationId,
            ["Query.OrganizationId"] = Query.OrganizationId,
            ["Query.DialogueId"] = Query.DialogueId,
            ["Query.ActorSubject"] = Query.ActorSubject,
            ["Query.From"] = Query.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Query.To"] = Query.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["token"] = page,
            ["back"] = back,
        };
        return values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value!);
    }

    public Dictionary<string, string> NextPage() =>
        At(NextPageToken, string.Join(',', Earlier.Append(Mark + (PageToken ?? ""))));

    public Dictionary<string, string> PreviousPage()
    {
        var earlier = Earlier;
        return At(earlier[^1][1..], earlier.Count > 1 ? string.Join(',', earlier.Take(earlier.Count - 1)) : null);
    }
}

/// <summary>The ledger's filters, each optional; named as the service names them, so its refusal shows beside the field.</summary>
public sealed class LedgerQuery
{
    public string? ApplicationId { get; set; }
    public string? OrganizationId { get; set; }
    public string? DialogueId { get; set; }
    public string? ActorSubject { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}
