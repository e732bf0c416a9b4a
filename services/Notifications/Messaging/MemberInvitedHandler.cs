using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

/// <summary>E-mails an invited colleague the code that lets it join the organization, in the language the inviter chose.</summary>
public sealed class MemberInvitedHandler(DirectEmail email) : IEventHandler<MemberInvited>
{
    public Task HandleAsync(MemberInvited message, EventContext context, CancellationToken ct)
    {
        email.Add(NoticeKinds.MemberInvitation, DirectEmail.Recipient("invitation", message.InvitationId.ToString("D")), message.Email, message.Language, new Dictionary<string, string>
        {
            ["OrganizationName"] = message.OrganizationName,
            ["Email"] = message.Email,
            ["Code"] = message.Code,
            ["ExpiresAt"] = NoticePlanner.Format(message.ExpiresAt),
            ["Link"] = email.Link("AcceptInvitation", ("invitation", message.Code)),
        }, context.MessageId);
        return Task.CompletedTask;
    }
}
