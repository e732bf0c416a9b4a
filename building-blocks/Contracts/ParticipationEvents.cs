namespace Accreditation.Contracts;

/// <summary>
/// The organization replied to the objection against its Referred application (Registration).
/// The text stays in Registration: the secretariat reads it there.
/// </summary>
public sealed record ObjectionReplySubmitted(
    Guid ApplicationId, Guid OrganizationId, string OrganizationName,
    Guid DialogueId, string DialogueTitle, Guid ReplyId, DateTimeOffset At);

/// <summary>The secretariat published an organization's written comment for a dialogue (Registration).</summary>
public sealed record CommentPublished(
    Guid CommentId, Guid ApplicationId, Guid OrganizationId, string OrganizationName,
    Guid DialogueId, string DialogueTitle, DateTimeOffset At);

/// <summary>
/// An admitted organization nominated a representative (Registration). The representative travels
/// by id, never by name or address: personal data stays in Registration, where the retention purge
/// reaches it (an address here would stay in the outbox and in Notifications' deliveries).
/// <paramref name="Status"/> is InPerson, Online or WaitingList; <paramref name="WaitingPosition"/>
/// is the place on the dialogue's waiting list (1 is next), 0 when not waiting.
/// </summary>
public sealed record RepresentativeNominated(
    Guid ApplicationId, Guid OrganizationId, string OrganizationName,
    Guid DialogueId, string DialogueTitle, Guid RepresentativeId,
    string Status, int WaitingPosition, DateTimeOffset At);

/// <summary>
/// An officer invited one of the organization's representatives to a dialogue's panel (Registration).
/// The representative travels by id, as for nominations: the organization's members see who it is
/// and answer in the portal.
/// </summary>
public sealed record PanellistInvited(
    Guid PanellistId, Guid ApplicationId, Guid OrganizationId, string OrganizationName,
    Guid DialogueId, string DialogueTitle, string DialogueDate, Guid RepresentativeId,
    int AgendaItemNumber, string AgendaItemTitle, DateTimeOffset At);
