using Accreditation.Registration.V1;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>Written comments of admitted organizations: the secretariat reads them and publishes them.</summary>
public sealed class CommentsModel(CommentService.CommentServiceClient comments, DialogueService.DialogueServiceClient dialogues) : SecretariatPageModel
{
    [BindProperty(SupportsGet = true, Name = "dialogue")]
    public string? DialogueId { get; set; }

    public IReadOnlyList<Dialogue> Dialogues { get; private set; } = [];
    public IReadOnlyList<Comment> ToPublish { get; private set; } = [];
    public IReadOnlyList<Comment> Published { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(() => LoadAsync(ct));

    public async Task<IActionResult> OnPostPublishAsync(string commentId, CancellationToken ct)
    {
        if (await TryAsync(async () => await comments.PublishCommentAsync(new PublishCommentRequest { CommentId = commentId }, cancellationToken: ct)))
            return Done(Text["Comment published."], "/Secretariat/Comments", new { dialogue = DialogueId });
        return await ShowAsync(() => LoadAsync(ct));
    }

    /// <summary>The comment's PDF, as the organization attached it.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(string commentId, CancellationToken ct)
    {
        GetCommentResponse? comment = null;
        var shown = await ShowAsync(async () => comment = await comments.GetCommentAsync(new GetCommentRequest { CommentId = commentId }, cancellationToken: ct));
        if (comment is null)
            return shown;
        if (comment.Document.IsEmpty)
            return NotFound();
        return File(comment.Document.ToByteArray(), "application/pdf", comment.Comment.DocumentName);
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Dialogues = (await dialogues.ListDialoguesAsync(new ListDialoguesRequest { PageSize = 100 }, cancellationToken: ct)).Dialogues;
        var all = new List<Comment>();
        // Comments are listed per dialogue; without a filter, those of every dialogue.
        foreach (var dialogue in Dialogues.Where(d => string.IsNullOrEmpty(DialogueId) || d.DialogueId == DialogueId))
            all.AddRange((await comments.ListCommentsAsync(new ListCommentsRequest { DialogueId = dialogue.DialogueId }, cancellationToken: ct)).Comments);
        ToPublish = all.Where(c => c.PublishedAt is null).OrderBy(c => c.SubmittedAt.ToDateTimeOffset()).ToList();
        Published = all.Where(c => c.PublishedAt is not null).OrderByDescending(c => c.PublishedAt.ToDateTimeOffset()).ToList();
    }

    public string DialogueName(string id) => Dialogues.FirstOrDefault(d => d.DialogueId == id) is { } d ? TitleOf(d) : id;
}
