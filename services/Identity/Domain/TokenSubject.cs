using Accreditation.ServiceDefaults.Auth;

namespace Accreditation.Identity.Domain;

/// <summary>
/// Who an access token speaks for, and so exactly which claims it carries. Services authorize on
/// these claims alone, so nothing from the token request itself ever reaches them.
/// </summary>
public sealed record TokenSubject(string Subject, string Role, string? StateCode, string? Email)
{
    public const string EmailClaim = "email";

    /// <summary>The person's sign-in (<see cref="AccountSession"/>); API clients have none.</summary>
    public const string SessionClaim = "sid";

    /// <summary>The session the token belongs to, for a person signed in with a password.</summary>
    public string? SessionId { get; init; }

    /// <summary>A State party's or the secretariat's API client: the client id is the subject.</summary>
    public static TokenSubject ForClient(ApiClient client)
    {
        // A State client without a valid State would pass role checks yet name no State party.
        if (client.Role == Roles.State && !Domain.StateCode.IsValid(client.StateCode))
            throw new InvalidOperationException($"API client '{client.ClientId}' has role state but no valid State code.");
        return new(client.ClientId, client.Role, client.Role == Roles.State ? client.StateCode : null, null);
    }

    /// <summary>
    /// A person signed in with a password: an organization user, secretariat staff, or a State
    /// party's user, whose tokens name its State like the State's API client does.
    /// </summary>
    public static TokenSubject ForUser(AccountUser user, string sessionId)
    {
        if (user.Role == Roles.State && !Domain.StateCode.IsValid(user.StateCode))
            throw new InvalidOperationException($"Account '{user.Id}' has role state but no valid State code.");
        return new(user.Id, user.Role, user.Role == Roles.State ? user.StateCode : null, user.Email) { SessionId = sessionId };
    }

    public IEnumerable<KeyValuePair<string, string>> Claims()
    {
        yield return new(AccreditationClaims.Subject, Subject);
        yield return new(AccreditationClaims.Role, Role);
        if (StateCode is not null)
            yield return new(AccreditationClaims.State, StateCode);
        if (!string.IsNullOrEmpty(Email))
            yield return new(EmailClaim, Email);
        if (SessionId is not null)
            yield return new(SessionClaim, SessionId);
    }
}
