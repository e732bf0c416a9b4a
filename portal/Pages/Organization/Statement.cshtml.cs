using Accreditation.Registration.V1;
using Accreditation.Portal.Programme;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal.Pages.Organization;

/// <summary>
/// The statement of one of the organization's requests for the floor: text, a PDF, or both, sent
/// whole in SubmitStatement; replaced freely until the secretariat publishes it after the dialogue.
/// </summary>
public sealed class StatementModel(ApplicationService.ApplicationServiceClient applications, DialogueService.DialogueServiceClient dialogues,
    SpeakerService.SpeakerServiceClient speakers, IStringLocalizer<OrganizationText> text) : PortalPageModel
{
    public ApplicationFile Case { get; private set; } = null!;
    public FloorRequest Floor { get; private set; } = new();

    [BindProperty]
    public StatementInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string id, string floorRequestId, CancellationToken ct)
    {
        var shown = await ShowAsync(id, floorRequestId, ct);
        Input.Text ??= Floor.Statement?.Text;
        return shown;
    }

    public async Task<IActionResult> OnPostAsync(string id, string floorRequestId, CancellationToken ct)
    {
        var request = new SubmitStatementRequest { FloorRequestId = floorRequestId, Text = Input.Text?.Trim() ?? "" };
        if (await Upload.ReadAsync(Input.Document, ct) is { } upload)
            (request.Document, request.DocumentName) = (upload.Bytes, upload.Name);
        if (!await TryAsync(async () => await speakers.SubmitStatementAsync(request, cancellationToken: ct)))
            return await ShowAsync(id, floorRequestId, ct);
        return Done(text["Your statement is saved: the secretariat publishes it after the dialogue."], "/Organization/Programme", new { id });
    }

    /// <summary>The PDF of the statement, as the service keeps it.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(string id, string floorRequestId, CancellationToken ct)
    {
        try
        {
            var response = await speakers.GetFloorRequestAsync(new GetFloorRequestRequest { FloorRequestId = floorRequestId }, cancellationToken: ct);
            return response.Document.IsEmpty ? NotFound() : File(response.Document.ToByteArray(), "application/pdf", response.FloorRequest.Statement.DocumentName);
        }
        catch (RpcException e) when (OrganizationWords.Refusal(e) is { } refusal)
        {
            return refusal;
        }
    }

    async Task<IActionResult> ShowAsync(string id, string floorRequestId, CancellationToken ct)
    {
        try
        {
            Case = await ApplicationFile.LoadAsync(applications, dialogues, id, ct);
            Floor = (await speakers.GetFloorRequestAsync(new GetFloorRequestRequest { FloorRequestId = floorRequestId }, cancellationToken: ct)).FloorRequest;
            // Another application's request under this application's address is not this page's.
            return Floor.ApplicationId == id ? Page() : NotFound();
        }
        catch (RpcException e) when (OrganizationWords.Refusal(e) is { } refusal)
        {
            return refusal;
        }
    }
}

/// <summary>Named as SubmitStatement's fields (text, document).</summary>
public sealed class StatementInput
{
    public string? Text { get; set; }
    public IFormFile? Document { get; set; }
}
