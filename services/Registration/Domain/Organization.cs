using Accreditation.ServiceDefaults.Domain;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain;

public enum StakeholderCategory { Ngo = 1, Academia, PrivateSector, Other }

public enum EcosocStatus { None = 1, General, Special, Roster }

/// <summary>An applicant's profile, reused across dialogues; its users are its members.</summary>
public sealed class Organization
{
    Organization() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Acronym { get; private set; } = "";
    public StakeholderCategory Category { get; private set; }
    public string Country { get; private set; } = "";
    public EcosocStatus EcosocStatus { get; private set; }
    public string Website { get; private set; } = "";
    public List<string> AreasOfWork { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public List<OrganizationMember> Members { get; private set; } = [];

    /// <summary>The profile fields the States parties see when the organization is circulated (proto names).</summary>
    public static IReadOnlySet<string> SeenByStates { get; } = new HashSet<string> { "name", "acronym", "category", "country", "ecosoc_status", "website" };

    public static Organization Create(string name, string? acronym, StakeholderCategory category, string country,
        EcosocStatus ecosocStatus, string? website, IEnumerable<string> areasOfWork, string createdBy, DateTimeOffset now) =>
        Create(OrganizationProfile.Parse(name, acronym, category, country, ecosocStatus, website, areasOfWork), createdBy, now);

    public static Organization Create(OrganizationProfile profile, string createdBy, DateTimeOffset now)
    {
        var organization = new Organization { Id = RowId.At(now), CreatedAt = now };
        organization.Apply(profile);
        organization.AddMember(createdBy, now);
        return organization;
    }

    /// <summary>Replaces the profile; returns the fields whose value changed (proto names), in the contract's order.</summary>
    public IReadOnlyList<string> Update(OrganizationProfile profile)
    {
        var changed = new List<string>();
        if (profile.Name != Name) changed.Add("name");
        if (profile.Acronym != Acronym) changed.Add("acronym");
        if (profile.Category != Category) changed.Add("category");
        if (profile.Country != Country) changed.Add("country");
        if (profile.EcosocStatus != EcosocStatus) changed.Add("ecosoc_status");
        if (profile.Website != Website) changed.Add("website");
        if (!profile.AreasOfWork.SequenceEqual(AreasOfWork)) changed.Add("areas_of_work");
        Apply(profile);
        return changed;
    }

    void Apply(OrganizationProfile profile)
    {
        Name = profile.Name;
        Acronym = profile.Acronym;
        Category = profile.Category;
        Country = profile.Country;
        EcosocStatus = profile.EcosocStatus;
        Website = profile.Website;
        AreasOfWork = profile.AreasOfWork.ToList();
    }

    public bool HasMember(string subject) => Members.Any(m => m.Subject == subject);

    /// <summary>A colleague joins; one membership per person.</summary>
    public void AddMember(string subject, DateTimeOffset now)
    {
        if (HasMember(subject))
            throw new AlreadyExistsException($"The caller is already a member of organization {Id}.", RegistrationReasons.AlreadyAMember, ("organization_id", Id));
        Members.Add(new OrganizationMember(Id, subject, now));
    }

}

/// <summary>The fields of an organization's profile, checked alike when it is created and when it changes.</summary>
public sealed record OrganizationProfile(string Name, string Acronym, StakeholderCategory Category, string Country,
    EcosocStatus EcosocStatus, string Website, IReadOnlyList<string> AreasOfWork)
{
    /// <param name="name">Already checked for presence and length by the caller (Require.Text).</param>
    public static OrganizationProfile Parse(string name, string? acronym, StakeholderCategory category, string? country,
        EcosocStatus ecosocStatus, string? website, IEnumerable<string> areasOfWork)
    {
        var code = CountryCode.Parse(country, "country").Value;
        var site = website?.Trim() ?? "";
        if (site.Length > 0 && !(Uri.TryCreate(site, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            throw new InvalidFieldException("website", "must be an absolute http(s) address", RegistrationReasons.WebsiteInvalid);
        var areas = areasOfWork.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList();
        if (areas.Any(a => a.Length > 200) || areas.Count > 20)
            throw new InvalidFieldException("areas_of_work", "at most 20 areas of at most 200 characters each",
                RegistrationReasons.AreasOfWorkInvalid, ("max_areas", 20), ("max_length", 200));
        return new OrganizationProfile(name, acronym?.Trim() ?? "", category, code, ecosocStatus, site, areas);
    }
}

public sealed class OrganizationMember
{
    OrganizationMember() { }

    public OrganizationMember(Guid organizationId, string subject, DateTimeOffset joinedAt)
    {
        OrganizationId = organizationId;
        Subject = subject;
        JoinedAt = joinedAt;
    }

    public Guid OrganizationId { get; private set; }
    public string Subject { get; private set; } = "";
    public DateTimeOffset JoinedAt { get; private set; }
}
