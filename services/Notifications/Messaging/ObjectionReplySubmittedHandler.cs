using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

/// <summary>Tells the secretariat that an organization replied to the objection against it.</summary>
public sealed class ObjectionReplySubmittedHandler(NoticeWriter writer, PortalLinks links) : IEventHandler<ObjectionReplySubmitted>
{
    public Task HandleAsync(ObjectionReplySubmitted message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message, links), context, ct);
}
