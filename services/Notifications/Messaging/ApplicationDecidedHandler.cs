using Accreditation.Contracts;
using Accreditation.Notifications.Domain;

namespace Accreditation.Notifications.Messaging;

public sealed class ApplicationDecidedHandler(NoticeWriter writer, ScreeningQueue screening)
    : ScreeningNoticeHandler<ApplicationDecided>(writer, screening)
{
    protected override Guid ApplicationOf(ApplicationDecided message) => message.ApplicationId;

    protected override IReadOnlyList<NoticeDraft> Plan(ApplicationDecided message) => NoticePlanner.For(message);

    protected override Task MoveOnQueueAsync(ScreeningQueue queue, ApplicationDecided message, CancellationToken ct) =>
        queue.LeftAsync(message.ApplicationId, message.OrganizationName, message.DialogueTitle, message.At, ct);
}
