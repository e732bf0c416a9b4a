using Accreditation.Contracts;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

public sealed class ApplicationWithdrawnHandler(NoticeWriter writer, ScreeningQueue screening) : IEventHandler<ApplicationWithdrawn>
{
    public async Task HandleAsync(ApplicationWithdrawn message, EventContext context, CancellationToken ct)
    {
        await screening.LeftAsync(message.ApplicationId, message.OrganizationName, message.DialogueTitle, message.At, ct);
        await writer.AddAsync(NoticePlanner.For(message), context, ct);
    }
}
