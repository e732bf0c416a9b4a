using Accreditation.Registration.V1;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>The secretariat's home: every dialogue, each leading to its dashboard.</summary>
public sealed class IndexModel(DialogueService.DialogueServiceClient dialogues) : SecretariatPageModel
{
    public IReadOnlyList<Dialogue> Dialogues { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(async () =>
        Dialogues = (await dialogues.ListDialoguesAsync(new ListDialoguesRequest { PageSize = 100 }, cancellationToken: ct)).Dialogues
            .OrderByDescending(d => d.Date, StringComparer.Ordinal).ToList());
}
