using System.Text.Json;
using Accreditation.ServiceDefaults.Domain;

namespace Accreditation.Notifications.Domain;

/// <summary>One rendered notice in a recipient's inbox.</summary>
public sealed class Notice
{
    Notice() { } // for EF Core

    public Guid Id { get; private set; }
    public string Kind { get; private set; } = "";
    public string Recipient { get; private set; } = "";
    /// <summary>
    /// The organization of an organization's notice (null otherwise): a member's inbox is found by
    /// joining the member directory on it, however many organizations the member belongs to.
    /// </summary>
    public Guid? OrganizationId { get; private set; }
    public string Language { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public Guid? ApplicationId { get; private set; }
    /// <summary>The message id of the event that caused the notice.</summary>
    public Guid SourceMessageId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>The template values (JSON), so the notice can be written again in another reader's language.</summary>
    public string Values { get; private set; } = "{}";
    /// <summary>When the recipient read it. Not used for <see cref="Recipients.States"/> notices, which each State reads on its own (<see cref="BroadcastRead"/>).</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>Addressed to every State party: read state is kept per State, not on the notice.</summary>
    public bool IsBroadcast => Recipient == Recipients.States;

    public static Notice Create(NoticeDraft draft, RenderedNotice rendered, Guid sourceMessageId, DateTimeOffset createdAt) => new()
    {
        Id = RowId.At(createdAt),
        Kind = draft.Kind,
        Recipient = draft.Recipient,
        OrganizationId = Recipients.OrganizationOf(draft.Recipient),
        Language = rendered.Language,
        Subject = rendered.Subject,
        Body = rendered.Body,
        ApplicationId = draft.ApplicationId,
        SourceMessageId = sourceMessageId,
        CreatedAt = createdAt,
        Values = JsonSerializer.Serialize(draft.Values),
    };

    public IReadOnlyDictionary<string, string> TemplateValues() =>
        string.IsNullOrWhiteSpace(Values) ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(Values) ?? [];

    /// <summary>Marks a single-recipient notice read; the first reading time stays.</summary>
    public void MarkRead(DateTimeOffset now)
    {
        if (IsBroadcast)
            throw new InvalidOperationException("A notice to every State party is read per State (BroadcastRead).");
        ReadAt ??= now;
    }
}

/// <summary>One State party has read a notice addressed to every State party.</summary>
public sealed class BroadcastRead(Guid noticeId, string reader, DateTimeOffset readAt)
{
    public Guid NoticeId { get; private set; } = noticeId;
    /// <summary>The reading State as a recipient string, <c>state:&lt;ISO3&gt;</c>.</summary>
    public string Reader { get; private set; } = reader;
    public DateTimeOffset ReadAt { get; private set; } = readAt;
}

/// <summary>A user (token subject) who belongs to an organization: the source of an organization user's access to its inbox.</summary>
public sealed class OrganizationMember(Guid organizationId, string subject, string organizationName, DateTimeOffset addedAt)
{
    public Guid OrganizationId { get; private set; } = organizationId;
    public string Subject { get; private set; } = subject;
    public string OrganizationName { get; private set; } = organizationName;
    public DateTimeOffset AddedAt { get; private set; } = addedAt;
}
