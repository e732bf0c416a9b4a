using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

/// <summary>Tells the organization that one of its representatives is invited to a panel.</summary>
public sealed class PanellistInvitedHandler(NoticeWriter writer, PortalLinks links) : IEventHandler<PanellistInvited>
{
    public Task HandleAsync(PanellistInvited message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message, links), context, ct);
}
