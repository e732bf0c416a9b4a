using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

/// <summary>Tells the organization where its new representative stands (in person, online, waiting).</summary>
public sealed class RepresentativeNominatedHandler(NoticeWriter writer, PortalLinks links) : IEventHandler<RepresentativeNominated>
{
    public Task HandleAsync(RepresentativeNominated message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message, links), context, ct);
}
