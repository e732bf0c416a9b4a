namespace Accreditation.Registration.Domain.Statistics;

/// <summary>What the figures need of one application and its organization.</summary>
public sealed record ApplicationFact(
    Guid ApplicationId, Guid OrganizationId, ApplicationState State, StakeholderCategory Category, string Country,
    DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt);

/// <summary>How many applications of one state come from organizations of one category and country.</summary>
public sealed record ApplicationTally(ApplicationState State, StakeholderCategory Category, string Country, int Count);

/// <summary>An objection filed or withdrawn by a State party, with the organization of the application (null if unknown).</summary>
public sealed record ObjectionFact(Guid ApplicationId, string StateCode, bool Filed, Guid? OrganizationId = null);

public sealed record GroupFigures<TGroup>(TGroup Group, int Applications, int Admitted);

/// <summary>
/// The figures of one dialogue, computed from its applications and the objection facts of the
/// ledger. Aggregates only: how many States objected, never which.
/// </summary>
public sealed record DialogueFigures(
    int Applications,
    IReadOnlyDictionary<ApplicationState, int> ByState,
    IReadOnlyList<GroupFigures<StakeholderCategory>> ByCategory,
    IReadOnlyList<GroupFigures<RegionalGroup>> ByRegion,
    int ObjectingStates,
    int OrganizationsObjectedTo,
    int Decided,
    double? MedianDaysToDecision)
{
    public int Admitted => Count(ApplicationState.Admitted);
    public int NotAdmitted => Count(ApplicationState.NotAdmitted);
    public int Withdrawn => Count(ApplicationState.Withdrawn);

    public int Count(ApplicationState state) => ByState.GetValueOrDefault(state);

    public int AdmittedIn(StakeholderCategory category) => ByCategory.Single(c => c.Group == category).Admitted;

    /// <summary>
    /// The figures from tallies (what a database counts in one grouped query), the days each
    /// decided application took, and the objection facts: no pass over every application.
    /// </summary>
    public static DialogueFigures Compute(IReadOnlyCollection<ApplicationTally> tallies, IEnumerable<double> decisionDays,
        IEnumerable<ObjectionFact> objections)
    {
        // A State files at most one objection per application: it stands if filed and not withdrawn,
        // whatever order the two facts reached the ledger in.
        var standing = objections
            .GroupBy(o => (o.ApplicationId, o.StateCode))
            .Where(g => g.Any(o => o.Filed) && !g.Any(o => !o.Filed))
            .Select(g => (g.Key.StateCode, g.First().OrganizationId))
            .ToList();
        var days = decisionDays.ToList();
        return new DialogueFigures(
            tallies.Sum(t => t.Count),
            tallies.GroupBy(t => t.State).ToDictionary(g => g.Key, g => g.Sum(t => t.Count)),
            Groups(tallies, Enum.GetValues<StakeholderCategory>(), t => t.Category),
            Groups(tallies, Enum.GetValues<RegionalGroup>(), t => RegionalGroups.Of(t.Country)),
            standing.Select(s => s.StateCode).Distinct().Count(),
            standing.Where(s => s.OrganizationId is not null).Select(s => s.OrganizationId).Distinct().Count(),
            days.Count,
            Median(days));
    }

    /// <summary>The same figures from one fact per application (a handful of them, as the tests have them).</summary>
    public static DialogueFigures Compute(IReadOnlyCollection<ApplicationFact> applications, IEnumerable<ObjectionFact> objections)
    {
        var organizationOf = applications.ToDictionary(a => a.ApplicationId, a => a.OrganizationId);
        var tallies = applications.GroupBy(a => (a.State, a.Category, a.Country))
            .Select(g => new ApplicationTally(g.Key.State, g.Key.Category, g.Key.Country, g.Count()))
            .ToList();
        var days = applications
            .Where(a => ApplicationLifecycle.IsDecided(a.State) && a.SubmittedAt is not null && a.DecidedAt is not null)
            .Select(a => DaysToDecision(a.SubmittedAt!.Value, a.DecidedAt!.Value));
        // Only objections to this dialogue's applications count for its organizations.
        return Compute(tallies, days, objections.Select(o => o with { OrganizationId = organizationOf.TryGetValue(o.ApplicationId, out var id) ? id : null }));
    }

    public static double DaysToDecision(DateTimeOffset submittedAt, DateTimeOffset decidedAt) => (decidedAt - submittedAt).TotalDays;

    static List<GroupFigures<TGroup>> Groups<TGroup>(IReadOnlyCollection<ApplicationTally> tallies, IEnumerable<TGroup> groups,
        Func<ApplicationTally, TGroup> groupOf) where TGroup : struct, Enum
    {
        // Each tally's group worked out once (a country's regional group is a look-up), then summed per group.
        var byGroup = tallies.GroupBy(groupOf).ToDictionary(g => g.Key,
            g => (Applications: g.Sum(t => t.Count), Admitted: g.Where(t => t.State == ApplicationState.Admitted).Sum(t => t.Count)));
        return groups.Select(group => byGroup.TryGetValue(group, out var f)
            ? new GroupFigures<TGroup>(group, f.Applications, f.Admitted)
            : new GroupFigures<TGroup>(group, 0, 0)).ToList();
    }

    static double? Median(List<double> values)
    {
        if (values.Count == 0)
            return null;
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
