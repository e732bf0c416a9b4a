using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

/// <summary>Consumed already, though the Objections service does not publish the event yet.</summary>
public sealed class ObjectionDeadlineApproachingHandler(NoticeWriter writer) : IEventHandler<ObjectionDeadlineApproaching>
{
    public Task HandleAsync(ObjectionDeadlineApproaching message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message), context, ct);
}
