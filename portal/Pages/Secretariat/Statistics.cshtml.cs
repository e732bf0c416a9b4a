using Accreditation.Registration.V1;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>A dialogue's figures and the paragraph the service writes from them for the Chair's summary.</summary>
public sealed class StatisticsModel(DialogueService.DialogueServiceClient dialogues, SecretariatService.SecretariatServiceClient secretariat)
    : SecretariatPageModel
{
    public Dialogue Dialogue { get; private set; } = new();
    public DialogueStatistics Statistics { get; private set; } = new();

    public Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => ShowAsync(async () =>
    {
        Dialogue = (await dialogues.GetDialogueAsync(new GetDialogueRequest { DialogueId = id }, cancellationToken: ct)).Dialogue;
        Statistics = (await secretariat.GetDialogueStatisticsAsync(new GetDialogueStatisticsRequest { DialogueId = id }, cancellationToken: ct)).Statistics;
    });
}
