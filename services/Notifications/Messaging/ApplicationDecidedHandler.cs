using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

public sealed class ApplicationDecidedHandler(NoticeWriter writer) : IEventHandler<ApplicationDecided>
{
    public Task HandleAsync(ApplicationDecided message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message), context, ct);
}
