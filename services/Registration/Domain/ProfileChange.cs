namespace Accreditation.Registration.Domain;

/// <summary>
/// An organization changed its profile: the fields the States parties see of it
/// (<see cref="Organization.SeenByStates"/>) are recorded in the history of each of its open
/// applications, in order of submission; those already circulated (the window open, or referred)
/// carry the change to the States' copies.
/// </summary>
public sealed record ProfileChange(IReadOnlyList<string> SeenByStates, IReadOnlyList<Application> Recorded)
{
    /// <summary>Whether the States parties are to be told (something they see changed).</summary>
    public bool IsSeenByStates => SeenByStates.Count > 0;

    /// <summary>The recorded applications the States parties have a copy of.</summary>
    public IReadOnlyList<Application> Circulated => Recorded.Where(a => a.CirculationId is not null).ToList();

    /// <param name="changed">The fields the update changed (proto names).</param>
    /// <param name="applications">The organization's applications, in any state.</param>
    public static ProfileChange Record(IReadOnlyList<string> changed, IEnumerable<Application> applications, Actor actor, DateTimeOffset now)
    {
        var seen = changed.Where(Organization.SeenByStates.Contains).ToList();
        if (seen.Count == 0)
            return new ProfileChange(seen, []);
        var open = applications.Where(a => ApplicationLifecycle.IsUndecided(a.State)).OrderBy(a => a.SubmittedAt).ToList();
        foreach (var application in open)
            application.RecordProfileChange(seen, actor, now);
        return new ProfileChange(seen, open);
    }
}
