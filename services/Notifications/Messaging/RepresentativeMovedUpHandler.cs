using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

/// <summary>Tells the organization that its waiting representative got an in-person seat.</summary>
public sealed class RepresentativeMovedUpHandler(NoticeWriter writer, PortalLinks links) : IEventHandler<RepresentativeMovedUp>
{
    public Task HandleAsync(RepresentativeMovedUp message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message, links), context, ct);
}
