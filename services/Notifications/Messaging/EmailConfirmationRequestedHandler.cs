using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

/// <summary>E-mails a new organization user the code that confirms its address, in its language.</summary>
public sealed class EmailConfirmationRequestedHandler(DirectEmail email) : IEventHandler<EmailConfirmationRequested>
{
    public Task HandleAsync(EmailConfirmationRequested message, EventContext context, CancellationToken ct)
    {
        email.Add(NoticeKinds.EmailConfirmation, DirectEmail.Recipient("account", message.Subject), message.Email, message.Language, new Dictionary<string, string>
        {
            ["DisplayName"] = message.DisplayName,
            ["Email"] = message.Email,
            ["Code"] = message.Code,
            ["ExpiresAt"] = NoticePlanner.Format(message.ExpiresAt),
            ["Link"] = email.Link("ConfirmEmail", ("email", message.Email), ("code", message.Code)),
        }, context.MessageId);
        return Task.CompletedTask;
    }
}
