using Accreditation.Registration.V1;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>An officer creates a dialogue with its registration period and policy.</summary>
public sealed class NewDialogueModel(DialogueService.DialogueServiceClient dialogues) : SecretariatPageModel
{
    [BindProperty]
    public DialogueInput Input { get; set; } = new();

    public IActionResult OnGet() => IsOfficer ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        var created = await FetchAsync(async () => await dialogues.CreateDialogueAsync(Input.ToCreateRequest(), cancellationToken: ct));
        if (created is null)
            return Page();
        return Done(Text["Dialogue created."], "/Secretariat/Dialogue", new { id = created.Dialogue.DialogueId });
    }
}
