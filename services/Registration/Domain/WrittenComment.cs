using System.Linq.Expressions;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain;

/// <summary>A written comment an admitted organization submits for a dialogue; the secretariat publishes it.</summary>
public sealed class WrittenComment
{
    public const int MaxLength = 20_000;

    WrittenComment() { }

    public Guid Id { get; private set; }
    public Guid DialogueId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string Text { get; private set; } = "";
    public string DocumentName { get; private set; } = "";
    public int DocumentSize { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? PublishedBy { get; private set; }

    public bool IsPublished => PublishedAt is not null;

    public static WrittenComment Submit(Application application, string text, PdfDocument? document, Actor actor, DateTimeOffset now)
    {
        if (application.State != ApplicationState.Admitted)
            throw new RuleViolationException(
                $"The application is {application.State}; written comments come from organizations admitted to the dialogue.",
                RegistrationReasons.CommentNeedsAdmission, ("state", application.State)) { Subject = application.ResourceName() };
        return new WrittenComment
        {
            Id = Guid.NewGuid(),
            DialogueId = application.DialogueId,
            OrganizationId = application.OrganizationId,
            ApplicationId = application.Id,
            Text = text,
            DocumentName = document?.FileName ?? "",
            DocumentSize = document?.Content.Length ?? 0,
            SubmittedBy = actor.Subject,
            SubmittedAt = now,
        };
    }

    public void Publish(Actor actor, DateTimeOffset now)
    {
        if (IsPublished)
            throw new RuleViolationException($"The comment is already published (since {PublishedAt:u}).",
                RegistrationReasons.CommentAlreadyPublished, ("published_at", PublishedAt)) { Subject = $"comments/{Id}" };
        PublishedAt = now;
        PublishedBy = actor.Subject;
    }

    /// <summary>Published: anyone signed in. Unpublished: its organization and the secretariat only.</summary>
    public bool IsVisibleTo(bool secretariat, bool memberOfAuthor) => IsPublished || secretariat || memberOfAuthor;

    /// <summary>
    /// The same rule as a filter the database runs over a dialogue's comments: the secretariat sees
    /// every comment; anyone else the published ones and those of an organization the caller is a
    /// member of (among <paramref name="members"/>, a query the filter joins, not a loaded list).
    /// </summary>
    public static Expression<Func<WrittenComment, bool>> VisibleTo(Caller caller, IQueryable<OrganizationMember> members)
    {
        if (caller.IsSecretariat)
            return c => true;
        var subject = caller.Subject;
        return c => c.PublishedAt != null || members.Any(m => m.OrganizationId == c.OrganizationId && m.Subject == subject);
    }
}

/// <summary>A comment's attached PDF, stored apart so listing comments never loads the bytes.</summary>
public sealed class CommentDocument
{
    CommentDocument() { }

    public CommentDocument(Guid commentId, PdfDocument document)
    {
        CommentId = commentId;
        Content = document.Content;
    }

    public Guid CommentId { get; private set; }
    public byte[] Content { get; private set; } = [];
}

/// <summary>An uploaded file that really is a PDF (it starts with the %PDF- signature) and not too large.</summary>
public sealed record PdfDocument(byte[] Content, string FileName)
{
    public const int MaxBytes = 5 * 1024 * 1024;
    static readonly byte[] Signature = "%PDF-"u8.ToArray();

    /// <summary>None when no bytes were sent.</summary>
    public static PdfDocument? Parse(ReadOnlySpan<byte> content, string? fileName, string defaultName = "comment.pdf")
    {
        if (content.Length == 0)
            return null;
        if (content.Length > MaxBytes)
            throw new InvalidFieldException("document", $"must be at most {MaxBytes} bytes (5 MB); it is {content.Length} bytes",
                RegistrationReasons.DocumentTooLarge, ("max_bytes", MaxBytes), ("size", content.Length));
        if (!content.StartsWith(Signature))
            throw new InvalidFieldException("document", "must be a PDF file (it does not start with %PDF-)", RegistrationReasons.DocumentNotPdf);
        var name = Path.GetFileName(fileName?.Trim() ?? "");
        if (name.Length > 200)
            throw new InvalidFieldException("document_name", "must be at most 200 characters", CommonReasons.FieldTooLong, ("max_length", 200));
        return new PdfDocument(content.ToArray(), name.Length == 0 ? defaultName : name);
    }
}
