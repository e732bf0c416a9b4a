using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.Notifications.Email;

namespace Accreditation.Notifications.Messaging;

/// <summary>
/// An e-mail to one address about an account or an invitation, which no inbox lists (its reader
/// cannot sign in yet): a notice addressed to that address alone, and its delivery, which the
/// sender retries like any other. Added to the consumer's unit of work; nothing when e-mail is off.
/// </summary>
public sealed class DirectEmail(NotificationsDb db, NoticeTemplates templates, EmailSettings settings, IConfiguration configuration,
    TimeProvider clock, ILogger<DirectEmail> logger)
{
    /// <summary>A recipient no inbox audience contains.</summary>
    public static string Recipient(string kind, string key) => $"{kind}:{key}";

    public void Add(string kind, string recipient, string email, string language, IReadOnlyDictionary<string, string> values, Guid sourceMessageId)
    {
        if (!settings.Enabled)
        {
            logger.LogWarning("No e-mail is configured: the {Kind} e-mail for {Recipient} is not sent", kind, recipient);
            return;
        }
        var draft = new NoticeDraft(kind, recipient, null, values);
        var rendered = templates.Render(draft, language);
        var now = clock.GetUtcNow();
        var notice = Notice.Create(draft, rendered, sourceMessageId, now);
        db.Notices.Add(notice);
        db.Deliveries.Add(Delivery.Create(notice, new Addressee(email, rendered.Language), rendered, now, TimeProvider.System.GetUtcNow()));
    }

    /// <summary>The page the reader opens (Notifications:Links:{name}), with the query the page needs.</summary>
    public string Link(string name, string fallback, params (string Name, string Value)[] query)
    {
        var page = configuration[$"Notifications:Links:{name}"] is { Length: > 0 } configured ? configured : fallback;
        return page + "?" + string.Join("&", query.Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value)}"));
    }

    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'");
}
