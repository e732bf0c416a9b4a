using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

public sealed class ObjectionFiledHandler(NoticeWriter writer) : IEventHandler<ObjectionFiled>
{
    public Task HandleAsync(ObjectionFiled message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message), context, ct);
}
