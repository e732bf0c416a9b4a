using System.Text;
using Accreditation.Registration.V1;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>The participant list of a dialogue: admitted organizations and their representatives by mode, also as CSV.</summary>
public sealed class ParticipantsModel(DialogueService.DialogueServiceClient dialogues, RepresentativeService.RepresentativeServiceClient representatives,
    Localization.EnumNames names) : SecretariatPageModel
{
    public Dialogue Dialogue { get; private set; } = new();
    public GetParticipantListResponse List { get; private set; } = new();

    public Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => ShowAsync(() => LoadAsync(id, ct));

    public async Task<IActionResult> OnGetCsvAsync(string id, CancellationToken ct)
    {
        var shown = await ShowAsync(() => LoadAsync(id, ct));
        if (shown is not Microsoft.AspNetCore.Mvc.RazorPages.PageResult)
            return shown;
        string[] header =
        [
            Text["Organization"], Text["Acronym"], Text["Category"], Text["Country"], Text["Full name"], Text["Title"], Text["E-mail"],
            Text["Attendance"], Text["Place on the waiting list"],
        ];
        var csv = ParticipantsCsv.Write(List, header, StatusName, names.Of);
        // With a byte order mark: spreadsheets then read the accents as UTF-8.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"participants-{Dialogue.Date}.csv");
    }

    async Task LoadAsync(string id, CancellationToken ct)
    {
        Dialogue = (await dialogues.GetDialogueAsync(new GetDialogueRequest { DialogueId = id }, cancellationToken: ct)).Dialogue;
        List = await representatives.GetParticipantListAsync(new GetParticipantListRequest { DialogueId = id }, cancellationToken: ct);
    }

    public string StatusName(RepresentativeStatus status) => status switch
    {
        RepresentativeStatus.InPerson => Text["In person"],
        RepresentativeStatus.Online => Text["Online"],
        RepresentativeStatus.WaitingList => Text["Waiting list"],
        RepresentativeStatus.Withdrawn => Text["Withdrawn"],
        _ => status.ToString(),
    };
}
