using Accreditation.Registration.V1;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>A dialogue's dashboard: where its applications stand and what awaits the secretariat now.</summary>
public sealed class DialogueModel(DialogueService.DialogueServiceClient dialogues, SecretariatService.SecretariatServiceClient secretariat) : SecretariatPageModel
{
    public Dialogue Dialogue { get; private set; } = new();
    public DialogueStatistics Statistics { get; private set; } = new();
    public IReadOnlyList<ScreeningQueueEntry> PendingQuestions { get; private set; } = [];
    /// <summary>The circulated applications, whose objection windows are open.</summary>
    public IReadOnlyList<Application> Circulated { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => ShowAsync(async () =>
    {
        Dialogue = (await dialogues.GetDialogueAsync(new GetDialogueRequest { DialogueId = id }, cancellationToken: ct)).Dialogue;
        Statistics = (await secretariat.GetDialogueStatisticsAsync(new GetDialogueStatisticsRequest { DialogueId = id }, cancellationToken: ct)).Statistics;
        PendingQuestions = await WholeQueueAsync(secretariat, new ListScreeningQueueRequest { DialogueId = id, State = ApplicationState.InformationRequested }, ct);
        Circulated = (await WholeQueueAsync(secretariat, new ListScreeningQueueRequest { DialogueId = id, State = ApplicationState.Circulated }, ct))
            .Select(e => e.Application).ToList();
    });

    public int Count(ApplicationState state) => Statistics.ByState.FirstOrDefault(s => s.State == state)?.Applications ?? 0;

    /// <summary>The objection deadlines of the circulated applications (one per circulation), soonest first.</summary>
    public IEnumerable<DateTimeOffset> ObjectionDeadlines => Circulated.Where(a => a.ObjectionDeadline is not null)
        .Select(a => a.ObjectionDeadline.ToDateTimeOffset()).Distinct().Order();
}
