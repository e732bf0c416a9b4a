using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

/// <summary>E-mails a person the one-time code that sets a new password, in its language; the code is never kept.</summary>
public sealed class PasswordResetRequestedHandler(DirectEmail email) : IEventHandler<PasswordResetRequested>
{
    public Task HandleAsync(PasswordResetRequested message, EventContext context, CancellationToken ct)
    {
        email.Add(NoticeKinds.PasswordReset, DirectEmail.Recipient("account", message.Subject), message.Email, message.Language,
            email.PasswordCodeValues(message.DisplayName, message.Email, message.Code, message.ExpiresAt), context.MessageId);
        return Task.CompletedTask;
    }
}
