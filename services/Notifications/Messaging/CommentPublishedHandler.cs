using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

/// <summary>Tells the organization that its written comment was published.</summary>
public sealed class CommentPublishedHandler(NoticeWriter writer, PortalLinks links) : IEventHandler<CommentPublished>
{
    public Task HandleAsync(CommentPublished message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message, links), context, ct);
}
