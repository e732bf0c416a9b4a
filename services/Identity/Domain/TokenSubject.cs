using Accreditation.ServiceDefaults.Auth;

namespace Accreditation.Identity.Domain;

/// <summary>
/// Who an access token speaks for, and so exactly which claims it carries. Services authorize on
/// these claims alone, so nothing from the token request itself ever reaches them.
/// </summary>
public sealed record TokenSubject(string Subject, string Role, string? StateCode, string? Email)
{
    public const string EmailClaim = "email";

    /// <summary>A State party's or the secretariat's API client: the client id is the subject.</summary>
    public static TokenSubject ForClient(ApiClient client)
    {
        // A State client without a valid State would pass role checks yet name no State party.
        if (client.Role == Roles.State && !Domain.StateCode.IsValid(client.StateCode))
            throw new InvalidOperationException($"API client '{client.ClientId}' has role state but no valid State code.");
        return new(client.ClientId, client.Role, client.Role == Roles.State ? client.StateCode : null, null);
    }

    /// <summary>A person signed in with a password: an organization user, or secretariat staff with the account's role.</summary>
    public static TokenSubject ForUser(AccountUser user) => new(user.Id, user.Role, null, user.Email);

    public IEnumerable<KeyValuePair<string, string>> Claims()
    {
        yield return new(AccreditationClaims.Subject, Subject);
        yield return new(AccreditationClaims.Role, Role);
        if (StateCode is not null)
            yield return new(AccreditationClaims.State, StateCode);
        if (!string.IsNullOrEmpty(Email))
            yield return new(EmailClaim, Email);
    }
}
