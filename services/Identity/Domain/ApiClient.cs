namespace Accreditation.Identity.Domain;

/// <summary>
/// What a confidential API client is allowed to be, kept beside OpenIddict's application row
/// (which holds the secret hash and the grant permissions). Tokens carry exactly this.
/// </summary>
public sealed class ApiClient(string clientId, string role, string? stateCode)
{
    public string ClientId { get; private set; } = clientId;
    public string Role { get; private set; } = role;

    /// <summary>ISO 3166-1 alpha-3; set for State clients only.</summary>
    public string? StateCode { get; private set; } = stateCode;

    public bool Matches(ApiClientRegistration registration) =>
        Role == registration.Role && StateCode == registration.StateCode;

    public void Apply(ApiClientRegistration registration)
    {
        Role = registration.Role;
        StateCode = registration.StateCode;
    }
}
