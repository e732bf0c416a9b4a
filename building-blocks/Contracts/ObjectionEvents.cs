namespace Accreditation.Contracts;

// The objecting State travels in these events; consumers must never pass it on to an organization.

public sealed record ObjectionFiled(
    Guid ObjectionId, Guid ApplicationId, Guid CirculationId, string OrganizationName,
    string StateCode, string? Grounds, DateTimeOffset At);

public sealed record ObjectionWithdrawn(
    Guid ObjectionId, Guid ApplicationId, Guid CirculationId, string OrganizationName,
    string StateCode, DateTimeOffset At);

/// <summary>Published exactly once per circulation, when its deadline has passed.</summary>
public sealed record ObjectionWindowClosed(
    Guid CirculationId, Guid DialogueId, DateTimeOffset Deadline, DateTimeOffset ClosedAt,
    IReadOnlyList<ObjectionTally> Results);

public sealed record ObjectionTally(Guid ApplicationId, int StandingObjections);
