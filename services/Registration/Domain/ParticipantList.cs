namespace Accreditation.Registration.Domain;

/// <summary>An admitted organization of a dialogue with its representatives, each group in the dialogue's nomination order.</summary>
public sealed record ParticipatingOrganization(
    Guid ApplicationId, Organization Organization,
    IReadOnlyList<Representative> InPerson, IReadOnlyList<Representative> Online, IReadOnlyList<Representative> WaitingList);

/// <summary>
/// Who takes part in a dialogue: the admitted organizations by name, each with its representatives
/// in person, online and waiting for a seat (withdrawn ones are not participants), and the totals.
/// </summary>
public sealed record ParticipantList(IReadOnlyList<ParticipatingOrganization> Organizations)
{
    public int InPersonCount => Organizations.Sum(o => o.InPerson.Count);
    public int OnlineCount => Organizations.Sum(o => o.Online.Count);
    public int WaitingListCount => Organizations.Sum(o => o.WaitingList.Count);

    /// <param name="admitted">The dialogue's Admitted applications with their organizations.</param>
    /// <param name="representatives">The dialogue's representatives, in any order.</param>
    public static ParticipantList Of(IEnumerable<(Guid ApplicationId, Organization Organization)> admitted, IEnumerable<Representative> representatives)
    {
        var byApplication = representatives.Where(r => r.IsActive).OrderBy(r => r.Position).ToLookup(r => r.ApplicationId);
        return new ParticipantList(admitted
            .OrderBy(a => a.Organization.Name, StringComparer.OrdinalIgnoreCase)
            .Select(a =>
            {
                var own = byApplication[a.ApplicationId].ToList();
                return new ParticipatingOrganization(a.ApplicationId, a.Organization,
                    own.Where(r => r.Status == RepresentativeStatus.InPerson).ToList(),
                    own.Where(r => r.Status == RepresentativeStatus.Online).ToList(),
                    own.Where(r => r.Status == RepresentativeStatus.WaitingList).ToList());
            })
            .ToList());
    }
}
