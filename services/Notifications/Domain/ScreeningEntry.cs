namespace Accreditation.Notifications.Domain;

/// <summary>
/// Whether an application is waiting for screening, as the events tell: a submission puts it in
/// the queue; screening, a request for information, a withdrawal or a decision takes it out.
/// Events may arrive out of order, so the latest event time wins; at the same instant, leaving
/// the queue wins (a screening follows the submission it screens).
/// </summary>
public sealed class ScreeningEntry(Guid applicationId, string organizationName, string dialogueTitle)
{
    public Guid ApplicationId { get; private set; } = applicationId;
    public string OrganizationName { get; private set; } = organizationName;
    public string DialogueTitle { get; private set; } = dialogueTitle;
    public DateTimeOffset SubmittedAt { get; private set; }
    public bool Waiting { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; } = DateTimeOffset.MinValue;

    public void Submitted(DateTimeOffset at)
    {
        if (at <= ChangedAt)
            return;
        Waiting = true;
        SubmittedAt = at;
        ChangedAt = at;
    }

    public void LeftQueue(DateTimeOffset at)
    {
        if (at < ChangedAt)
            return;
        Waiting = false;
        ChangedAt = at;
    }

    public WaitingApplication ToWaiting() => new(ApplicationId, OrganizationName, DialogueTitle, SubmittedAt);
}
