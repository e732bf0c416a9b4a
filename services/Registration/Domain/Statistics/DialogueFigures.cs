namespace Accreditation.Registration.Domain.Statistics;

/// <summary>What the figures need of one application and its organization.</summary>
public sealed record ApplicationFact(
    Guid ApplicationId, Guid OrganizationId, ApplicationState State, StakeholderCategory Category, string Country,
    DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt);

/// <summary>An objection filed or withdrawn by a State party.</summary>
public sealed record ObjectionFact(Guid ApplicationId, string StateCode, bool Filed);

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

    public static DialogueFigures Compute(IReadOnlyCollection<ApplicationFact> applications, IEnumerable<ObjectionFact> objections)
    {
        // A State files at most one objection per application: it stands if filed and not withdrawn,
        // whatever order the two facts reached the ledger in.
        var standing = objections
            .GroupBy(o => (o.ApplicationId, o.StateCode))
            .Where(g => g.Any(o => o.Filed) && !g.Any(o => !o.Filed))
            .Select(g => g.Key)
            .ToList();
        var organizationOf = applications.ToDictionary(a => a.ApplicationId, a => a.OrganizationId);
        var decisionDays = applications
            .Where(a => ApplicationLifecycle.IsDecided(a.State) && a.SubmittedAt is not null && a.DecidedAt is not null)
            .Select(a => (a.DecidedAt!.Value - a.SubmittedAt!.Value).TotalDays)
            .ToList();
        return new DialogueFigures(
            applications.Count,
            applications.GroupBy(a => a.State).ToDictionary(g => g.Key, g => g.Count()),
            Groups(applications, Enum.GetValues<StakeholderCategory>(), a => a.Category),
            Groups(applications, Enum.GetValues<RegionalGroup>(), a => RegionalGroups.Of(a.Country)),
            standing.Select(s => s.StateCode).Distinct().Count(),
            standing.Where(s => organizationOf.ContainsKey(s.ApplicationId)).Select(s => organizationOf[s.ApplicationId]).Distinct().Count(),
            decisionDays.Count,
            Median(decisionDays));
    }

    static List<GroupFigures<TGroup>> Groups<TGroup>(IEnumerable<ApplicationFact> applications, IEnumerable<TGroup> groups,
        Func<ApplicationFact, TGroup> groupOf) where TGroup : struct, Enum =>
        groups.Select(group =>
        {
            var members = applications.Where(a => groupOf(a).Equals(group)).ToList();
            return new GroupFigures<TGroup>(group, members.Count, members.Count(a => a.State == ApplicationState.Admitted));
        }).ToList();

    static double? Median(List<double> values)
    {
        if (values.Count == 0)
            return null;
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
