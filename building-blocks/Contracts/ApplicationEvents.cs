namespace Accreditation.Contracts;

// Application states travel as their names (see ApplicationStates) so consumers need no shared enum.

public sealed record ApplicationSubmitted(
    Guid ApplicationId, Guid OrganizationId, string OrganizationName,
    Guid DialogueId, string DialogueTitle, DateTimeOffset At);

public sealed record ApplicationScreened(
    Guid ApplicationId, Guid OrganizationId, string OrganizationName,
    Guid DialogueId, string DialogueTitle, bool Eligible, string? Reason, DateTimeOffset At);

public sealed record InformationRequested(
    Guid ApplicationId, Guid OrganizationId, string OrganizationName,
    Guid DialogueId, string DialogueTitle, string Question, DateTimeOffset AnswerBy, DateTimeOffset At);

/// <summary>Eligible applicants sent to the States parties, with organization-level data only.</summary>
public sealed record ApplicationsCirculated(
    Guid CirculationId, Guid DialogueId, string DialogueTitle,
    DateTimeOffset OpensAt, DateTimeOffset Deadline, IReadOnlyList<CirculatedApplicant> Applicants);

public sealed record CirculatedApplicant(
    Guid ApplicationId, Guid OrganizationId, string Name, string Acronym,
    string Category, string Country, string EcosocStatus, string Website);

/// <summary>An application reached Admitted, NotAdmitted or Referred.</summary>
public sealed record ApplicationDecided(
    Guid ApplicationId, Guid OrganizationId, string OrganizationName,
    Guid DialogueId, string DialogueTitle, string Outcome, string Reason,
    bool ObjectionRaised, bool DiscloseObjection, DateTimeOffset At);

public sealed record ApplicationWithdrawn(
    Guid ApplicationId, Guid OrganizationId, string OrganizationName,
    Guid DialogueId, string DialogueTitle, string Reason, DateTimeOffset At);

/// <summary>
/// A State party objected to the application and the dialogue tells organizations so. Never names
/// the State: published by Registration, which owns the disclosure policy.
/// </summary>
public sealed record ObjectionRaised(
    Guid ApplicationId, Guid OrganizationId, string OrganizationName,
    Guid DialogueId, string DialogueTitle, DateTimeOffset Deadline, DateTimeOffset At);

/// <summary>Information the secretariat requested did not arrive by the stated date.</summary>
public sealed record ApplicationLapsed(
    Guid ApplicationId, Guid OrganizationId, string OrganizationName,
    Guid DialogueId, string DialogueTitle, DateTimeOffset AnswerBy, DateTimeOffset At);

/// <summary>A user became a member of an organization (its creator, or an invited colleague).</summary>
public sealed record OrganizationMemberAdded(Guid OrganizationId, string OrganizationName, string Subject, DateTimeOffset At);

public static class ApplicationStates
{
    public const string Admitted = "Admitted";
    public const string NotAdmitted = "NotAdmitted";
    public const string Referred = "Referred";
}

/// <summary>
/// An organization changed what the States parties see of it (Registration). Carries the new
/// organization-level data of each of its applications already circulated, for Objections' copies;
/// <paramref name="ChangedFields"/> names the fields (proto names, e.g. "name", "country").
/// </summary>
public sealed record OrganizationProfileChanged(
    Guid OrganizationId, string OrganizationName, IReadOnlyList<string> ChangedFields,
    IReadOnlyList<CirculatedApplicant> CirculatedApplicants, DateTimeOffset At);
