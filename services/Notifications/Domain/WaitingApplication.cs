namespace Accreditation.Notifications.Domain;

/// <summary>An application submitted and not yet screened, withdrawn or decided: a line of the screening digest.</summary>
public sealed record WaitingApplication(Guid ApplicationId, string OrganizationName, string DialogueTitle, DateTimeOffset SubmittedAt);
