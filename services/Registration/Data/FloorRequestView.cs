using Accreditation.Registration.Domain.Programme;

namespace Accreditation.Registration.Data;

/// <summary>A floor request with the names of its organizations and speaker.</summary>
public sealed record FloorRequestView(FloorRequest Request, string OrganizationName, string RepresentativeName, IReadOnlyDictionary<Guid, string> OrganizationNames)
{
    public string NameOf(Guid organizationId) => OrganizationNames.GetValueOrDefault(organizationId, "");
}
