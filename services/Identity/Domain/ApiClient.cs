using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Identity.Domain;

/// <summary>
/// What a confidential API client is allowed to be, kept beside OpenIddict's application row
/// (which holds the secret hash and the grant permissions). Tokens carry exactly this. A client
/// is either configured (Identity:Clients, kept in step with configuration at start) or a State
/// party's client managed by the secretariat through StateClientService.
/// </summary>
public sealed class ApiClient(string clientId, string role, string? stateCode)
{
    public string ClientId { get; private set; } = clientId;
    public string Role { get; private set; } = role;

    /// <summary>ISO 3166-1 alpha-3; set for State clients only.</summary>
    public string? StateCode { get; private set; } = stateCode;

    /// <summary>Created by the secretariat (StateClientService), not by configuration: start-up leaves it alone.</summary>
    public bool Managed { get; private set; }

    public DateTimeOffset? CreatedAt { get; private set; }
    public DateTimeOffset? SecretRotatedAt { get; private set; }

    /// <summary>Set once: a revoked client never gets a token again and its earlier tokens are refused everywhere.</summary>
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>A State party's client created by the secretariat; its id is new for every client, so a revoked id is never reused.</summary>
    public static ApiClient ForState(string? stateCode, string suffix, DateTimeOffset now)
    {
        var code = Domain.StateCode.Parse(stateCode);
        return new ApiClient($"state-{code.ToLowerInvariant()}-{suffix}", Roles.State, code) { Managed = true, CreatedAt = now, SecretRotatedAt = now };
    }

    public void RotateSecret(DateTimeOffset now)
    {
        EnsureActive("rotated");
        SecretRotatedAt = now;
    }

    public void Revoke(DateTimeOffset now)
    {
        EnsureActive("revoked");
        RevokedAt = now;
    }

    /// <summary>
    /// The secretariat rotates and revokes only the clients it created; a configured client
    /// belongs to configuration, which start-up keeps it in step with.
    /// </summary>
    public void EnsureManaged()
    {
        if (!Managed)
            throw new RuleViolationException($"Client '{ClientId}' is set in the service's configuration (Identity:Clients); change it there.",
                IdentityReasons.ClientConfigured, ("client_id", ClientId));
    }

    void EnsureActive(string what)
    {
        if (IsRevoked)
            throw new RuleViolationException($"Client '{ClientId}' was revoked at {RevokedAt:O}; a revoked client cannot be {what}.",
                IdentityReasons.ClientRevoked, ("client_id", ClientId), ("revoked_at", RevokedAt));
    }

    public bool Matches(ApiClientRegistration registration) =>
        Role == registration.Role && StateCode == registration.StateCode;

    public void Apply(ApiClientRegistration registration)
    {
        Role = registration.Role;
        StateCode = registration.StateCode;
    }
}
