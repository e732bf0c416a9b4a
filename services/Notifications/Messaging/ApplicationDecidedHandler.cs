using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

public sealed class ApplicationDecidedHandler(NoticeWriter writer, ScreeningQueue screening) : IGroupEventHandler<ApplicationDecided>
{
    public async Task PrepareAsync(IReadOnlyList<EventInGroup<ApplicationDecided>> group, CancellationToken ct)
    {
        await screening.PrepareAsync(group.Select(e => e.Message.ApplicationId), ct);
        await writer.PrepareAsync(group.Select(e => (NoticePlanner.For(e.Message), e.Context)).ToList(), ct);
    }

    public async Task HandleAsync(ApplicationDecided message, EventContext context, CancellationToken ct)
    {
        await screening.LeftAsync(message.ApplicationId, message.OrganizationName, message.DialogueTitle, message.At, ct);
        await writer.AddAsync(NoticePlanner.For(message), context, ct);
    }
}
