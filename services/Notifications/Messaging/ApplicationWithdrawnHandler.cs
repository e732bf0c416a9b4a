using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

public sealed class ApplicationWithdrawnHandler(NoticeWriter writer) : IEventHandler<ApplicationWithdrawn>
{
    public Task HandleAsync(ApplicationWithdrawn message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message), context, ct);
}
