using Accreditation.Registration.Domain.Statistics;

namespace Accreditation.Registration.Domain.Programme;

public enum ParticipationBasis { Admissions = 1, Attendance }

/// <summary>One representative counted: the organization it stands for and how it took part.</summary>
public sealed record ParticipantFact(Guid OrganizationId, StakeholderCategory Category, string Country, Guid RepresentativeId, AttendanceMode Mode);

/// <summary>An admitted organization, counted by admissions even when it has no representative yet.</summary>
public sealed record AdmittedOrganization(Guid OrganizationId, StakeholderCategory Category, string Country);

/// <summary>Who took part in a dialogue (or a series): organizations by category and region, online and in person.</summary>
public sealed record ParticipationFigures(
    ParticipationBasis Basis,
    int Organizations,
    IReadOnlyList<(StakeholderCategory Category, int Organizations)> ByCategory,
    IReadOnlyList<(RegionalGroup Region, int Organizations)> ByRegion,
    int OrganizationsInPerson,
    int OrganizationsOnline,
    int RepresentativesInPerson,
    int RepresentativesOnline)
{
    public int In(StakeholderCategory category) => ByCategory.Single(c => c.Category == category).Organizations;
}

/// <summary>
/// Where participation is counted from: once the dialogue's day is over, from attendance (an
/// organization took part when at least one of its representatives attended, whatever it was
/// admitted with); before, from admissions (admitted organizations, their seated and online
/// representatives; the waiting list does not count).
/// </summary>
public static class Participation
{
    public static ParticipationBasis BasisFor(Dialogue dialogue, DateTimeOffset now) =>
        dialogue.HasTakenPlace(now) ? ParticipationBasis.Attendance : ParticipationBasis.Admissions;

    /// <param name="attended">One fact per representative who attended, with the mode recorded.</param>
    public static ParticipationFigures FromAttendance(IEnumerable<ParticipantFact> attended) =>
        Tally(ParticipationBasis.Attendance, attended.ToList(), []);

    /// <param name="admitted">The dialogue's admitted organizations.</param>
    /// <param name="representatives">Their representatives in person (seated) or online.</param>
    public static ParticipationFigures FromAdmissions(IEnumerable<AdmittedOrganization> admitted, IEnumerable<ParticipantFact> representatives) =>
        Tally(ParticipationBasis.Admissions, representatives.ToList(), admitted.ToList());

    /// <summary>
    /// A series: distinct organizations over its dialogues, each dialogue counted on its own basis
    /// (attendance only when every dialogue is over); representatives are summed.
    /// </summary>
    public static ParticipationFigures Series(IReadOnlyList<(ParticipationBasis Basis, IReadOnlyList<ParticipantFact> Facts, IReadOnlyList<AdmittedOrganization> Admitted)> dialogues)
    {
        var basis = dialogues.Count > 0 && dialogues.All(d => d.Basis == ParticipationBasis.Attendance)
            ? ParticipationBasis.Attendance : ParticipationBasis.Admissions;
        return Tally(basis, dialogues.SelectMany(d => d.Facts).ToList(), dialogues.SelectMany(d => d.Admitted).ToList());
    }

    static ParticipationFigures Tally(ParticipationBasis basis, List<ParticipantFact> facts, List<AdmittedOrganization> admitted)
    {
        var organizations = facts.Select(f => new AdmittedOrganization(f.OrganizationId, f.Category, f.Country))
            .Concat(admitted).DistinctBy(o => o.OrganizationId).ToList();
        return new ParticipationFigures(
            basis,
            organizations.Count,
            Enum.GetValues<StakeholderCategory>().Select(c => (c, organizations.Count(o => o.Category == c))).ToList(),
            Enum.GetValues<RegionalGroup>().Select(r => (r, organizations.Count(o => RegionalGroups.Of(o.Country) == r))).ToList(),
            facts.Where(f => f.Mode == AttendanceMode.InPerson).Select(f => f.OrganizationId).Distinct().Count(),
            facts.Where(f => f.Mode == AttendanceMode.Online).Select(f => f.OrganizationId).Distinct().Count(),
            facts.Count(f => f.Mode == AttendanceMode.InPerson),
            facts.Count(f => f.Mode == AttendanceMode.Online));
    }
}
