using Accreditation.Registration.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Public;

/// <summary>
/// The public page of a dialogue that has taken place, for anyone, asked without a token: the
/// programme, the panels, the speakers with their published statements, the published written
/// comments, and the figures (never which State objected: the service gives counts only).
/// </summary>
public sealed class DialogueModel(PublicDialogueService.PublicDialogueServiceClient publicDialogues) : PortalPageModel
{
    public PublicDialogue Dialogue { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        try
        {
            Dialogue = (await publicDialogues.GetPublicDialogueAsync(new GetPublicDialogueRequest { DialogueId = id }, cancellationToken: ct)).Dialogue;
            return Page();
        }
        catch (RpcException e) when (PublicRefusal.Of(e) is { } refusal)
        {
            return refusal;
        }
    }

    /// <summary>A PDF the page lists: a meeting document, a published statement or a published written comment.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(string id, string documentId, CancellationToken ct)
    {
        try
        {
            var response = await publicDialogues.GetPublicDocumentAsync(new GetPublicDocumentRequest { DialogueId = id, DocumentId = documentId }, cancellationToken: ct);
            return response.Document.IsEmpty ? NotFound() : File(response.Document.ToByteArray(), "application/pdf", response.DocumentName);
        }
        catch (RpcException e) when (PublicRefusal.Of(e) is { } refusal)
        {
            return refusal;
        }
    }

    public IEnumerable<PublicSpeaker> SpeakersOf(AgendaItem item) => Dialogue.Speakers.Where(s => s.AgendaItemId == item.AgendaItemId).OrderBy(s => s.Position);

    public IEnumerable<MeetingDocument> DocumentsOf(string agendaItemId) => Dialogue.MeetingDocuments.Where(d => d.AgendaItemId == agendaItemId);
}
