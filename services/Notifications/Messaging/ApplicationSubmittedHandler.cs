using Accreditation.Contracts;
using Accreditation.Notifications.Domain;

namespace Accreditation.Notifications.Messaging;

public sealed class ApplicationSubmittedHandler(NoticeWriter writer, ScreeningQueue screening)
    : ScreeningNoticeHandler<ApplicationSubmitted>(writer, screening)
{
    protected override Guid ApplicationOf(ApplicationSubmitted message) => message.ApplicationId;

    protected override IReadOnlyList<NoticeDraft> Plan(ApplicationSubmitted message) => NoticePlanner.For(message);

    protected override Task MoveOnQueueAsync(ScreeningQueue queue, ApplicationSubmitted message, CancellationToken ct) =>
        queue.SubmittedAsync(message.ApplicationId, message.OrganizationName, message.DialogueTitle, message.At, ct);
}
