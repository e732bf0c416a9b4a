using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

public sealed class ApplicationsCirculatedHandler(NoticeWriter writer) : IEventHandler<ApplicationsCirculated>
{
    public Task HandleAsync(ApplicationsCirculated message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message), context, ct);
}
