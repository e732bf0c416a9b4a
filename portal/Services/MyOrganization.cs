using Accreditation.Registration.V1;

namespace Accreditation.Portal.Services;

/// <summary>The signed-in person's organization (the service lists only the caller's own), asked once per request.</summary>
public sealed class MyOrganization(OrganizationService.OrganizationServiceClient organizations, IHttpContextAccessor accessor)
{
    Organization? _organization;
    bool _asked;

    /// <summary>The organization, or null while the person has not described it yet.</summary>
    public async Task<Organization?> GetAsync()
    {
        if (_asked)
            return _organization;
        var ct = accessor.HttpContext?.RequestAborted ?? CancellationToken.None;
        var list = await organizations.ListOrganizationsAsync(new ListOrganizationsRequest { PageSize = 1 }, cancellationToken: ct);
        _organization = list.Organizations.FirstOrDefault();
        _asked = true;
        return _organization;
    }
}
