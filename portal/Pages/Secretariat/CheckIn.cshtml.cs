using Accreditation.Registration.V1;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>
/// The door on the dialogue's day: the representatives, found by their name or their
/// organization's, each with a button to check them in, and the counts so far (in person and online).
/// The search and the page are in the query string, so the list stays as it was after each check-in.
/// </summary>
public sealed class CheckInModel(DialogueService.DialogueServiceClient dialogues, AttendanceService.AttendanceServiceClient attendance) : SecretariatPageModel
{
    const int PageSize = 50;

    public Dialogue Dialogue { get; private set; } = new();
    public ListCheckInResponse List { get; private set; } = new();

    /// <summary>Part of a representative's or an organization's name.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? PageToken { get; set; }

    public Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => ShowAsync(() => LoadAsync(id, ct));

    public async Task<IActionResult> OnPostAsync(string id, string representativeId, string? name, CancellationToken ct)
    {
        var response = await FetchAsync(async () => await attendance.CheckInAsync(new CheckInRequest { RepresentativeId = representativeId }, cancellationToken: ct));
        if (response is null)
            return await ShowAsync(() => LoadAsync(id, ct));
        return Done(Text["{0} is checked in.", name ?? ""], "/Secretariat/CheckIn", new { id, q = Query, token = PageToken });
    }

    async Task LoadAsync(string id, CancellationToken ct)
    {
        Dialogue = (await dialogues.GetDialogueAsync(new GetDialogueRequest { DialogueId = id }, cancellationToken: ct)).Dialogue;
        List = await attendance.ListCheckInAsync(new ListCheckInRequest
        {
            DialogueId = id, Query = Query?.Trim() ?? "", PageSize = PageSize, PageToken = PageToken ?? "",
        }, cancellationToken: ct);
    }
}
