using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

public sealed class ApplicationSubmittedHandler(NoticeWriter writer) : IEventHandler<ApplicationSubmitted>
{
    public Task HandleAsync(ApplicationSubmitted message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message), context, ct);
}
