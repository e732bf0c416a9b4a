using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

public sealed class ApplicationSubmittedHandler(NoticeWriter writer, ScreeningQueue screening) : IEventHandler<ApplicationSubmitted>
{
    public async Task HandleAsync(ApplicationSubmitted message, EventContext context, CancellationToken ct)
    {
        await screening.SubmittedAsync(message.ApplicationId, message.OrganizationName, message.DialogueTitle, message.At, ct);
        await writer.AddAsync(NoticePlanner.For(message), context, ct);
    }
}
