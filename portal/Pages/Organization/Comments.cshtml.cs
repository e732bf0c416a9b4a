using Accreditation.Registration.V1;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal.Pages.Organization;

/// <summary>
/// The organization's written comments for the dialogue of its admitted application: text and an
/// optional PDF, sent whole in SubmitComment's bytes; published (or not yet) by the secretariat.
/// </summary>
public sealed class CommentsModel(ApplicationService.ApplicationServiceClient applications, DialogueService.DialogueServiceClient dialogues,
    CommentService.CommentServiceClient comments, IStringLocalizer<OrganizationText> text) : PortalPageModel
{
    public ApplicationFile Case { get; private set; } = null!;

    /// <summary>This organization's comments (the list also holds other organizations' published ones).</summary>
    public IReadOnlyList<Comment> Comments { get; private set; } = [];

    [BindProperty]
    public CommentInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var request = new SubmitCommentRequest { ApplicationId = id, Text = Input.Text?.Trim() ?? "" };
        if (Input.Document is { Length: > 0 } upload)
        {
            await using var stream = upload.OpenReadStream();
            request.Document = await ByteString.FromStreamAsync(stream, ct);
            request.DocumentName = Path.GetFileName(upload.FileName);
        }
        if (!await TryAsync(async () => await comments.SubmitCommentAsync(request, cancellationToken: ct)))
            return await ShowAsync(id, ct);
        return Done(text["Your comment is submitted: the secretariat publishes it with the dialogue."], "/Organization/Comments", new { id });
    }

    /// <summary>The PDF of one of the organization's comments, as the service keeps it.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(string id, string commentId, CancellationToken ct)
    {
        try
        {
            var response = await comments.GetCommentAsync(new GetCommentRequest { CommentId = commentId }, cancellationToken: ct);
            if (response.Document.IsEmpty)
                return NotFound();
            return File(response.Document.ToByteArray(), "application/pdf", response.Comment.DocumentName);
        }
        catch (RpcException e) when (OrganizationWords.Refusal(e) is { } refusal)
        {
            return refusal;
        }
    }

    async Task<IActionResult> ShowAsync(string id, CancellationToken ct)
    {
        try
        {
            Case = await ApplicationFile.LoadAsync(applications, dialogues, id, ct);
            var organizationId = Case.Application.OrganizationId;
            Comments = (await comments.ListCommentsAsync(new ListCommentsRequest { DialogueId = Case.Application.DialogueId }, cancellationToken: ct)).Comments
                .Where(c => c.OrganizationId == organizationId).ToList();
            return Page();
        }
        catch (RpcException e) when (OrganizationWords.Refusal(e) is { } refusal)
        {
            return refusal;
        }
    }
}

/// <summary>Named as the proto's fields (text, document).</summary>
public sealed class CommentInput
{
    public string? Text { get; set; }
    public IFormFile? Document { get; set; }
}
