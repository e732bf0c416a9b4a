using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

public sealed class ApplicationScreenedHandler(NoticeWriter writer) : IEventHandler<ApplicationScreened>
{
    public Task HandleAsync(ApplicationScreened message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message), context, ct);
}
