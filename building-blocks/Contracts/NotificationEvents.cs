namespace Accreditation.Contracts;

/// <summary>
/// An organization user's account was created (Identity): where and in which language the user
/// reads notices. Language is one of en, fr, es.
/// </summary>
public sealed record AccountRegistered(string Subject, string Email, string DisplayName, string Language, DateTimeOffset At);

/// <summary>
/// A circulation's objection deadline is near: the States parties are reminded.
/// Published once per circulation by the Objections service.
/// </summary>
public sealed record ObjectionDeadlineApproaching(Guid CirculationId, string DialogueTitle, DateTimeOffset Deadline);

/// <summary>
/// A representative on a dialogue's waiting list got an in-person seat (Registration publishes it
/// in the transaction that freed the seat). The representative travels by id, never by name:
/// personal data stays in Registration, where the retention purge reaches it, and out of the
/// outbox rows and notices other services keep.
/// </summary>
public sealed record RepresentativeMovedUp(
    Guid ApplicationId, Guid OrganizationId, string OrganizationName,
    Guid DialogueId, string DialogueTitle, Guid RepresentativeId, DateTimeOffset At);
