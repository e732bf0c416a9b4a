using Accreditation.Registration.V1;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Public;

/// <summary>The dialogues that have taken place, newest first, for anyone: each links to its public page.</summary>
public sealed class DialoguesModel(PublicDialogueService.PublicDialogueServiceClient publicDialogues) : PortalPageModel
{
    const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? PageToken { get; set; }

    public ListPublicDialoguesResponse List { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct) =>
        List = await publicDialogues.ListPublicDialoguesAsync(new ListPublicDialoguesRequest { PageSize = PageSize, PageToken = PageToken ?? "" }, cancellationToken: ct);
}
