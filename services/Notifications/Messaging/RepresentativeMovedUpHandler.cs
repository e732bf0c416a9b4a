using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

/// <summary>Consumed already, though Registration has no waiting list to publish it from yet.</summary>
public sealed class RepresentativeMovedUpHandler(NoticeWriter writer) : IEventHandler<RepresentativeMovedUp>
{
    public Task HandleAsync(RepresentativeMovedUp message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message), context, ct);
}
