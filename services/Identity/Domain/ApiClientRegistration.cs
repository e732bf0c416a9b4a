using Accreditation.ServiceDefaults.Auth;

namespace Accreditation.Identity.Domain;

/// <summary>
/// One API client as configured (Identity:Clients:{i}): a State party's client or a secretariat
/// staff client. Configuration is the source of truth, so a bad entry stops the service at start
/// instead of issuing tokens with a wrong role or State.
/// </summary>
public sealed record ApiClientRegistration(string ClientId, string ClientSecret, string Role, string? StateCode)
{
    /// <summary>The public client of the portal; no configured client may take its name.</summary>
    public const string PortalClientId = "portal";

    /// <summary>Shorter secrets are guessable by an online attacker; generated ones are far longer.</summary>
    public const int MinSecretLength = 12;

    public static readonly IReadOnlyList<string> ClientRoles = [Roles.State, Roles.Officer, Roles.Auditor];

    /// <summary>Checks one configured entry; <paramref name="where"/> names it in the error.</summary>
    public static ApiClientRegistration Create(string where, string? clientId, string? clientSecret, string? role, string? state)
    {
        var id = clientId?.Trim();
        if (string.IsNullOrEmpty(id))
            throw Invalid(where, "ClientId is required");
        if (id.Length > 100 || id.Any(char.IsWhiteSpace))
            throw Invalid(where, "ClientId must be at most 100 characters without spaces");
        if (string.Equals(id, PortalClientId, StringComparison.OrdinalIgnoreCase))
            throw Invalid(where, $"ClientId '{PortalClientId}' is reserved for the portal");
        if (string.IsNullOrEmpty(clientSecret) || clientSecret.Length < MinSecretLength)
            throw Invalid(where, $"ClientSecret of '{id}' must be at least {MinSecretLength} characters");

        var clientRole = role?.Trim().ToLowerInvariant();
        if (clientRole is null || !ClientRoles.Contains(clientRole))
            throw Invalid(where, $"Role of '{id}' must be one of {string.Join(", ", ClientRoles)}");

        var stateCode = string.IsNullOrWhiteSpace(state) ? null : state.Trim();
        if (clientRole == Roles.State && !Domain.StateCode.IsValid(stateCode))
            throw Invalid(where, $"State of '{id}' must be an ISO 3166-1 alpha-3 code in capitals (e.g. AUT)");
        if (clientRole != Roles.State && stateCode is not null)
            throw Invalid(where, $"'{id}' has role {clientRole}, which belongs to no State party: remove its State");

        return new ApiClientRegistration(id, clientSecret, clientRole, stateCode);
    }

    /// <summary>Two entries with one client id would silently overwrite each other's secret and role.</summary>
    public static IReadOnlyList<ApiClientRegistration> EnsureDistinct(IReadOnlyList<ApiClientRegistration> registrations)
    {
        var duplicate = registrations.GroupBy(r => r.ClientId, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? registrations
            : throw new InvalidOperationException($"Identity:Clients: client id '{duplicate.Key}' is configured more than once.");
    }

    // Never echoes the secret: configuration errors end up in logs.
    static InvalidOperationException Invalid(string where, string reason) => new($"{where}: {reason}.");

    // Records print every property; keep the secret out of any accidental log line.
    public override string ToString() => $"ApiClientRegistration {{ ClientId = {ClientId}, Role = {Role}, StateCode = {StateCode} }}";
}
