using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.Notifications.Email;
using Accreditation.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace Accreditation.Notifications.Messaging;

/// <summary>
/// An e-mail to one address about an account or an invitation, which no inbox lists (its reader
/// cannot sign in yet): a notice addressed to that address alone, and its delivery, which the
/// sender retries like any other. Added to the consumer's unit of work; nothing when e-mail is off.
/// The one-time code and its link go into the e-mail only: the stored notice has them blanked,
/// and the delivery drops its text once sent.
/// </summary>
public sealed class DirectEmail(NotificationsDb db, NoticeTemplates templates, EmailSettings settings, IOptions<NotificationLinksOptions> links,
    TimeProvider clock, WallClock wall, ILogger<DirectEmail> logger)
{
    static readonly string[] OneTimeValues = ["Code", "Link"];

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
        var kept = draft with { Values = values.ToDictionary(v => v.Key, v => OneTimeValues.Contains(v.Key) ? "(sent by e-mail only)" : v.Value) };
        var now = clock.GetUtcNow();
        var notice = Notice.Create(kept, templates.Render(kept, language), sourceMessageId, now);
        db.Notices.Add(notice);
        db.Deliveries.Add(Delivery.Create(notice, new Addressee(email, rendered.Language), rendered, now, wall.GetUtcNow()));
    }

    /// <summary>What an e-mail with a one-time password code says: who, the code, until when, and the page that takes it.</summary>
    public Dictionary<string, string> PasswordCodeValues(string displayName, string email, string code, DateTimeOffset expiresAt) => new()
    {
        ["DisplayName"] = displayName,
        ["Email"] = email,
        ["Code"] = code,
        ["ExpiresAt"] = NoticePlanner.Format(expiresAt),
        ["Link"] = Link("ResetPassword", ("email", email), ("code", code)),
    };

    /// <summary>The page the reader opens (Notifications:Links:{name}), with the query the page needs.</summary>
    public string Link(string name, params (string Name, string Value)[] query)
    {
        var page = links.Value.Page(name);
        return query.Length == 0 ? page : page + "?" + string.Join("&", query.Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value)}"));
    }
}
