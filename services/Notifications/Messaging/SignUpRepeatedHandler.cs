using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

/// <summary>Tells an account's owner, in its language, that someone tried to sign up again with its address.</summary>
public sealed class SignUpRepeatedHandler(DirectEmail email) : IEventHandler<SignUpRepeated>
{
    public Task HandleAsync(SignUpRepeated message, EventContext context, CancellationToken ct)
    {
        email.Add(NoticeKinds.AccountExists, DirectEmail.Recipient("account", message.Subject), message.Email, message.Language, new Dictionary<string, string>
        {
            ["DisplayName"] = message.DisplayName,
            ["Email"] = message.Email,
            ["At"] = NoticePlanner.Format(message.At),
            ["Link"] = email.Link("SignIn"),
        }, context.MessageId);
        return Task.CompletedTask;
    }
}
