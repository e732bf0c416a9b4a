using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

public sealed class ObjectionRaisedHandler(NoticeWriter writer) : IEventHandler<ObjectionRaised>
{
    public Task HandleAsync(ObjectionRaised message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message), context, ct);
}
