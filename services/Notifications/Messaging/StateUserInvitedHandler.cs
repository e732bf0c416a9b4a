using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

/// <summary>Welcomes a State party's new user, in its language, with the one-time code that sets its first password.</summary>
public sealed class StateUserInvitedHandler(DirectEmail email) : IEventHandler<StateUserInvited>
{
    public Task HandleAsync(StateUserInvited message, EventContext context, CancellationToken ct)
    {
        var values = email.PasswordCodeValues(message.DisplayName, message.Email, message.Code, message.ExpiresAt);
        values["StateCode"] = message.StateCode;
        email.Add(NoticeKinds.StateUserInvited, DirectEmail.Recipient("account", message.Subject), message.Email, message.Language, values, context.MessageId);
        return Task.CompletedTask;
    }
}
