using Accreditation.Contracts;
using Accreditation.Notifications.Domain;

namespace Accreditation.Notifications.Messaging;

public sealed class ApplicationScreenedHandler(NoticeWriter writer, ScreeningQueue screening)
    : ScreeningNoticeHandler<ApplicationScreened>(writer, screening)
{
    protected override Guid ApplicationOf(ApplicationScreened message) => message.ApplicationId;

    protected override IReadOnlyList<NoticeDraft> Plan(ApplicationScreened message) => NoticePlanner.For(message);

    protected override Task MoveOnQueueAsync(ScreeningQueue queue, ApplicationScreened message, CancellationToken ct) =>
        queue.LeftAsync(message.ApplicationId, message.OrganizationName, message.DialogueTitle, message.At, ct);
}
