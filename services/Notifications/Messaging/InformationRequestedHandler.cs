using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

public sealed class InformationRequestedHandler(NoticeWriter writer) : IEventHandler<InformationRequested>
{
    public Task HandleAsync(InformationRequested message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message), context, ct);
}
