using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

/// <summary>Tells the organization that its application lapsed for want of the information requested.</summary>
public sealed class ApplicationLapsedHandler(NoticeWriter writer, PortalLinks links) : IEventHandler<ApplicationLapsed>
{
    public Task HandleAsync(ApplicationLapsed message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message, links), context, ct);
}
