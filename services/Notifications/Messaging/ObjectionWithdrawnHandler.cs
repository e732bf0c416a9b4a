using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

public sealed class ObjectionWithdrawnHandler(NoticeWriter writer) : IEventHandler<ObjectionWithdrawn>
{
    public Task HandleAsync(ObjectionWithdrawn message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message), context, ct);
}
