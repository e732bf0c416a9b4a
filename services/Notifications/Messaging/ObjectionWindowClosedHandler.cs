using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

public sealed class ObjectionWindowClosedHandler(NoticeWriter writer) : IEventHandler<ObjectionWindowClosed>
{
    public Task HandleAsync(ObjectionWindowClosed message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message), context, ct);
}
