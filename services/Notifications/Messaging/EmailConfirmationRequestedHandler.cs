using Accreditation.Contracts;
using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.Notifications.Email;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

/// <summary>
/// E-mails a new organization user the code that confirms its address, in its language. The
/// notice is addressed to the account itself, which no inbox lists (the user cannot sign in yet):
/// it exists for its delivery, which the sender retries like any other.
/// </summary>
public sealed class EmailConfirmationRequestedHandler(
    NotificationsDb db, NoticeTemplates templates, EmailSettings settings, IConfiguration configuration, TimeProvider clock,
    ILogger<EmailConfirmationRequestedHandler> logger) : IEventHandler<EmailConfirmationRequested>
{
    /// <summary>Where the user confirms (the portal's page); the e-mail links to it with the address and code.</summary>
    public const string LinkSetting = "Notifications:Links:ConfirmEmail";
    const string DefaultLink = "http://127.0.0.1:5080/v1/accounts:confirmEmail";

    public Task HandleAsync(EmailConfirmationRequested message, EventContext context, CancellationToken ct)
    {
        if (!settings.Enabled)
        {
            logger.LogWarning("No e-mail is configured: account {Subject} gets no confirmation e-mail", message.Subject);
            return Task.CompletedTask;
        }
        var link = configuration[LinkSetting] is { Length: > 0 } configured ? configured : DefaultLink;
        var draft = new NoticeDraft(NoticeKinds.EmailConfirmation, AccountRecipient(message.Subject), null, new Dictionary<string, string>
        {
            ["DisplayName"] = message.DisplayName,
            ["Email"] = message.Email,
            ["Code"] = message.Code,
            ["ExpiresAt"] = message.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'"),
            ["Link"] = $"{link}?email={Uri.EscapeDataString(message.Email)}&code={Uri.EscapeDataString(message.Code)}",
        });
        var rendered = templates.Render(draft, message.Language);
        var now = clock.GetUtcNow();
        var notice = Notice.Create(draft, rendered, context.MessageId, now);
        db.Notices.Add(notice);
        db.Deliveries.Add(Delivery.Create(notice, new Addressee(message.Email, rendered.Language), rendered, now, TimeProvider.System.GetUtcNow()));
        return Task.CompletedTask;
    }

    /// <summary>A recipient no inbox audience contains: one account, before it can sign in.</summary>
    public static string AccountRecipient(string subject) => $"account:{subject}";
}
