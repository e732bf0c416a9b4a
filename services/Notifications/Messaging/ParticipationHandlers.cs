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

/// <summary>Tells the secretariat that an organization replied to the objection against it.</summary>
public sealed class ObjectionReplySubmittedHandler(NoticeWriter writer, PortalLinks links) : IEventHandler<ObjectionReplySubmitted>
{
    public Task HandleAsync(ObjectionReplySubmitted message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message, links), context, ct);
}

/// <summary>Tells the organization that its written comment was published.</summary>
public sealed class CommentPublishedHandler(NoticeWriter writer, PortalLinks links) : IEventHandler<CommentPublished>
{
    public Task HandleAsync(CommentPublished message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message, links), context, ct);
}

/// <summary>Tells the organization where its new representative stands (in person, online, waiting).</summary>
public sealed class RepresentativeNominatedHandler(NoticeWriter writer, PortalLinks links) : IEventHandler<RepresentativeNominated>
{
    public Task HandleAsync(RepresentativeNominated message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message, links), context, ct);
}

/// <summary>Tells the organization that one of its representatives is invited to a panel.</summary>
public sealed class PanellistInvitedHandler(NoticeWriter writer, PortalLinks links) : IEventHandler<PanellistInvited>
{
    public Task HandleAsync(PanellistInvited message, EventContext context, CancellationToken ct) =>
        writer.AddAsync(NoticePlanner.For(message, links), context, ct);
}
