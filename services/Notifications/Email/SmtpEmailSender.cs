using MailKit.Net.Smtp;
using MimeKit;

namespace Accreditation.Notifications.Email;

/// <summary>Sends over SMTP with MailKit, one connection per e-mail (deliveries are few; no pooled connection to go stale).</summary>
public sealed class SmtpEmailSender(EmailSettings settings) : IEmailSender
{
    public const string KindHeader = "X-Accreditation-Notice-Kind";

    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        var smtp = settings.Smtp ?? throw new InvalidOperationException("No SMTP server is configured (Notifications:Smtp:Host).");
        using var message = Build(email, settings.From);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, ct);
        if (!string.IsNullOrEmpty(smtp.Username))
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    public static MimeMessage Build(OutgoingEmail email, string from)
    {
        var message = new MimeMessage
        {
            // Stable across attempts: a resend after an unrecorded acceptance is the same message.
            MessageId = email.MessageId,
            Subject = email.Subject,
            Body = Text(email),
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Headers.Add(KindHeader, email.Kind);
        return message;
    }

    // Content-* headers belong to the body part (MimeKit moves them there when writing the message).
    static TextPart Text(OutgoingEmail email)
    {
        var text = new TextPart("plain") { Text = email.Body };
        text.Headers.Add(HeaderId.ContentLanguage, email.Language);
        return text;
    }
}
