namespace Accreditation.Registration.Domain.Statistics;

/// <summary>
/// One attendance of an organization at one dialogue of a series: a representative of it attended,
/// in person or online. Several representatives give several facts; they count once.
/// </summary>
public sealed record AttendanceFact(Guid DialogueId, Guid OrganizationId, StakeholderCategory Category, string Country, AttendanceMode Mode);

/// <param name="Organizations">Distinct organizations of the group that took part in the series.</param>
/// <param name="Online">Of them, those that took part online at least once.</param>
/// <param name="InPerson">Of them, those that took part in person at least once.</param>
public sealed record SeriesGroupFigures<TGroup>(TGroup Group, int Organizations, int Online, int InPerson);

/// <summary>
/// The figures of a series of dialogues ("over 150 non-governmental stakeholders participated,
/// online and in person, in the first series"): distinct organizations that took part, by category
/// and regional group, online and in person. How they count:
/// <list type="bullet">
/// <item>an organization present at two dialogues of the series counts once;</item>
/// <item>one that took part online and in person (at one dialogue or across several) counts in both
/// <see cref="Online"/> and <see cref="InPerson"/>, and once in <see cref="Organizations"/>, so
/// Online + InPerson - OnlineAndInPerson = Organizations;</item>
/// <item>an organization falls under its category and its country's regional group; should its
/// profile have changed between dialogues, under the last fact given (facts come in dialogue order).</item>
/// </list>
/// Only attendance counts: an organization admitted whose representatives did not attend did not take part.
/// </summary>
public sealed record SeriesFigures(
    int Dialogues,
    int Organizations,
    int Online,
    int InPerson,
    int OnlineAndInPerson,
    IReadOnlyList<SeriesGroupFigures<StakeholderCategory>> ByCategory,
    IReadOnlyList<SeriesGroupFigures<RegionalGroup>> ByRegion)
{
    public static SeriesFigures Compute(IReadOnlyCollection<AttendanceFact> facts)
    {
        var organizations = facts
            .GroupBy(f => f.OrganizationId)
            .Select(g => new Taker(
                g.Last().Category,
                RegionalGroups.Of(g.Last().Country),
                g.Any(f => f.Mode == AttendanceMode.Online),
                g.Any(f => f.Mode == AttendanceMode.InPerson)))
            .ToList();
        return new SeriesFigures(
            facts.Select(f => f.DialogueId).Distinct().Count(),
            organizations.Count,
            organizations.Count(o => o.Online),
            organizations.Count(o => o.InPerson),
            organizations.Count(o => o.Online && o.InPerson),
            Groups(organizations, Enum.GetValues<StakeholderCategory>(), o => o.Category),
            Groups(organizations, Enum.GetValues<RegionalGroup>(), o => o.Region));
    }

    sealed record Taker(StakeholderCategory Category, RegionalGroup Region, bool Online, bool InPerson);

    /// <summary>Every group, those without participants at zero, so a table of the series has all its rows.</summary>
    static List<SeriesGroupFigures<TGroup>> Groups<TGroup>(List<Taker> organizations, IEnumerable<TGroup> groups, Func<Taker, TGroup> groupOf)
        where TGroup : struct, Enum =>
        groups.Select(group =>
        {
            var members = organizations.Where(o => groupOf(o).Equals(group)).ToList();
            return new SeriesGroupFigures<TGroup>(group, members.Count, members.Count(o => o.Online), members.Count(o => o.InPerson));
        }).ToList();

    public SeriesGroupFigures<StakeholderCategory> In(StakeholderCategory category) => ByCategory.Single(c => c.Group == category);

    public SeriesGroupFigures<RegionalGroup> In(RegionalGroup region) => ByRegion.Single(r => r.Group == region);
}
