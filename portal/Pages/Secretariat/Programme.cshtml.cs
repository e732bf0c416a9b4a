using Accreditation.Portal.Services;
using Accreditation.Registration.V1;
using Accreditation.Portal.Programme;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>
/// A dialogue's programme as the secretariat keeps it: series, working groups, chairs and the
/// online meeting's address; the agenda; the meeting documents; participation; and the Chair's
/// summary draft in each language.
/// </summary>
public sealed class ProgrammeModel(ProgrammeService.ProgrammeServiceClient programmes, ChairSummaryDownload chairSummary) : SecretariatPageModel
{
    /// <summary>Blank rows the form offers beyond those filled in (no script adds rows).</summary>
    const int SpareRows = 2;

    public DialogueProgramme Programme { get; private set; } = new();

    /// <summary>Which form was posted, so only its summary shows the refusal.</summary>
    public string? Posted { get; private set; }

    [BindProperty]
    public ProgrammeInput Input { get; set; } = new();

    [BindProperty]
    public AgendaItemInput Item { get; set; } = new();

    [BindProperty]
    public MeetingDocumentInput Document { get; set; } = new();

    public Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => ShowAsync(() => LoadAsync(id, ct));

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        Posted = "programme";
        var request = new UpdateProgrammeRequest
        {
            DialogueId = id,
            Series = Input.Series?.Trim() ?? "",
            OnlineMeetingUrl = Input.OnlineMeetingUrl?.Trim() ?? "",
            WorkingGroups =
            {
                Input.WorkingGroups.Where(g => !string.IsNullOrWhiteSpace(g.Name) || !string.IsNullOrWhiteSpace(g.Session))
                    .Select(g => new WorkingGroupSession { Name = g.Name?.Trim() ?? "", Session = g.Session?.Trim() ?? "" }),
            },
            Chairs =
            {
                Input.Chairs.Where(c => !string.IsNullOrWhiteSpace(c.Name))
                    .Select(c => new Chair { Name = c.Name!.Trim(), Title = c.Title?.Trim() ?? "", Role = c.Role }),
            },
        };
        if (!await TryAsync(async () => await programmes.UpdateProgrammeAsync(request, cancellationToken: ct)))
            return await ShowAsync(() => LoadAsync(id, ct));
        return Done(Text["Programme saved."], "/Secretariat/Programme", new { id });
    }

    public async Task<IActionResult> OnPostItemAsync(string id, CancellationToken ct)
    {
        Posted = "item";
        var request = new AddAgendaItemRequest { DialogueId = id, Number = Item.Number ?? 0, Title = Item.Title?.Trim() ?? "", Kind = Item.Kind };
        var added = await FetchAsync(async () => await programmes.AddAgendaItemAsync(request, cancellationToken: ct), nameof(Item));
        if (added is null)
            return await ShowAsync(() => LoadAsync(id, ct));
        return Done(Text["Agenda item {0} added.", added.AgendaItem.Number], "/Secretariat/Programme", new { id });
    }

    public async Task<IActionResult> OnPostRemoveItemAsync(string id, string agendaItemId, CancellationToken ct)
    {
        Posted = "agenda";
        if (!await TryAsync(async () => await programmes.RemoveAgendaItemAsync(new RemoveAgendaItemRequest { AgendaItemId = agendaItemId }, cancellationToken: ct)))
            return await ShowAsync(() => LoadAsync(id, ct));
        return Done(Text["Agenda item removed."], "/Secretariat/Programme", new { id });
    }

    public async Task<IActionResult> OnPostDocumentAsync(string id, CancellationToken ct)
    {
        Posted = "document";
        var request = new AddMeetingDocumentRequest
        {
            DialogueId = id, AgendaItemId = Document.AgendaItemId ?? "", Symbol = Document.Symbol?.Trim() ?? "", Title = Document.Title?.Trim() ?? "",
        };
        if (await Upload.ReadAsync(Document.Pdf, ct) is { } upload)
            (request.Document, request.DocumentName) = (upload.Bytes, upload.Name);
        var added = await FetchAsync(async () => await programmes.AddMeetingDocumentAsync(request, cancellationToken: ct), nameof(Document));
        if (added is null)
            return await ShowAsync(() => LoadAsync(id, ct));
        return Done(Text["Meeting document {0} added.", added.MeetingDocument.Symbol], "/Secretariat/Programme", new { id });
    }

    public async Task<IActionResult> OnPostRemoveDocumentAsync(string id, string documentId, CancellationToken ct)
    {
        Posted = "documents";
        if (!await TryAsync(async () => await programmes.RemoveMeetingDocumentAsync(new RemoveMeetingDocumentRequest { DocumentId = documentId }, cancellationToken: ct)))
            return await ShowAsync(() => LoadAsync(id, ct));
        return Done(Text["Meeting document removed."], "/Secretariat/Programme", new { id });
    }

    /// <summary>A meeting document's PDF, as the service keeps it.</summary>
    public async Task<IActionResult> OnGetPdfAsync(string id, string documentId, CancellationToken ct)
    {
        GetMeetingDocumentResponse? response = null;
        var shown = await ShowAsync(async () =>
            response = await programmes.GetMeetingDocumentAsync(new GetMeetingDocumentRequest { DocumentId = documentId }, cancellationToken: ct));
        if (response is null)
            return shown;
        if (response.Document.IsEmpty || response.MeetingDocument.DialogueId != id)
            return NotFound();
        return File(response.Document.ToByteArray(), "application/pdf", response.MeetingDocument.DocumentName);
    }

    /// <summary>
    /// The Chair's summary draft in one language, from Registration with the person's token, passed
    /// on as it arrives; the service's refusal is the portal's 403 or 404 page.
    /// </summary>
    public async Task<IActionResult> OnGetChairSummaryAsync(string id, string? language, CancellationToken ct)
    {
        if (language is not ("en" or "fr" or "es"))
            return NotFound();
        var response = await chairSummary.GetAsync(id, language, ct);
        HttpContext.Response.RegisterForDispose(response);
        if (response.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.Unauthorized)
            return Forbid();
        if (!response.IsSuccessStatusCode)
            return NotFound();
        var type = response.Content.Headers.ContentType?.ToString() ?? "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
        return File(await response.Content.ReadAsStreamAsync(ct), type, string.IsNullOrEmpty(name) ? $"chair-summary-{id}-{language}.docx" : name);
    }

    async Task LoadAsync(string id, CancellationToken ct)
    {
        Programme = (await programmes.GetDialogueProgrammeAsync(new GetDialogueProgrammeRequest { DialogueId = id }, cancellationToken: ct)).Programme;
        // After a refused save the form keeps what was typed; otherwise it shows what is saved.
        if (Posted != "programme")
            Input = ProgrammeInput.From(Programme);
        Input.WorkingGroups.AddRange(Enumerable.Range(0, SpareRows).Select(_ => new WorkingGroupInput()));
        // The first chair named is usually the Chair; the others co-chair.
        Input.Chairs.AddRange(Enumerable.Range(0, SpareRows).Select(i => new ChairInput { Role = Input.Chairs.Count + i == 0 ? ChairRole.Chair : ChairRole.CoChair }));
        Item.Number ??= Programme.AgendaItems.Count == 0 ? 1 : Programme.AgendaItems.Max(i => i.Number) + 1;
    }

    public AgendaItem? ItemOf(string agendaItemId) => Programme.AgendaItems.FirstOrDefault(i => i.AgendaItemId == agendaItemId);

    public int Speakers(AgendaItem item) => Programme.FloorRequests.Count(f => f.AgendaItemId == item.AgendaItemId && f.Status != FloorRequestStatus.Withdrawn);
}

/// <summary>Named as UpdateProgramme's fields (series, online_meeting_url, working_groups, chairs).</summary>
public sealed class ProgrammeInput
{
    public string? Series { get; set; }
    public string? OnlineMeetingUrl { get; set; }
    public List<WorkingGroupInput> WorkingGroups { get; set; } = [];
    public List<ChairInput> Chairs { get; set; } = [];

    public static ProgrammeInput From(DialogueProgramme programme) => new()
    {
        Series = programme.Series,
        OnlineMeetingUrl = programme.OnlineMeetingUrl,
        WorkingGroups = programme.WorkingGroups.Select(g => new WorkingGroupInput { Name = g.Name, Session = g.Session }).ToList(),
        Chairs = programme.Chairs.Select(c => new ChairInput { Name = c.Name, Title = c.Title, Role = c.Role }).ToList(),
    };
}

public sealed class WorkingGroupInput
{
    public string? Name { get; set; }
    public string? Session { get; set; }
}

public sealed class ChairInput
{
    public string? Name { get; set; }
    public string? Title { get; set; }
    public ChairRole Role { get; set; } = ChairRole.CoChair;
}

/// <summary>Named as AddAgendaItem's fields (number, title, kind).</summary>
public sealed class AgendaItemInput
{
    public int? Number { get; set; }
    public string? Title { get; set; }
    public AgendaItemKind Kind { get; set; } = AgendaItemKind.CollectionOfInputs;
}

/// <summary>Named as AddMeetingDocument's fields (symbol, title, agenda_item_id); the PDF is the document.</summary>
public sealed class MeetingDocumentInput
{
    public string? Symbol { get; set; }
    public string? Title { get; set; }
    public string? AgendaItemId { get; set; }
    public IFormFile? Pdf { get; set; }
}
