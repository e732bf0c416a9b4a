using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

public sealed class ApplicationSubmittedHandler(NoticeWriter writer, ScreeningQueue screening) : IGroupEventHandler<ApplicationSubmitted>
{
    public async Task PrepareAsync(IReadOnlyList<EventInGroup<ApplicationSubmitted>> group, CancellationToken ct)
    {
        await screening.PrepareAsync(group.Select(e => e.Message.ApplicationId), ct);
        await writer.PrepareAsync(group.Select(e => (NoticePlanner.For(e.Message), e.Context)).ToList(), ct);
    }

    public async Task HandleAsync(ApplicationSubmitted message, EventContext context, CancellationToken ct)
    {
        await screening.SubmittedAsync(message.ApplicationId, message.OrganizationName, message.DialogueTitle, message.At, ct);
        await writer.AddAsync(NoticePlanner.For(message), context, ct);
    }
}
