using Accreditation.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Identity;

namespace Accreditation.Identity.Domain;

/// <summary>
/// A person's account: an organization user (self sign-up) or a secretariat officer or auditor
/// (provisioned by the staff command). ASP.NET Core Identity keeps the password hash and lockout state.
/// </summary>
public sealed class AccountUser : IdentityUser
{
    /// <summary>organization, officer or auditor; set by whoever creates the account, never by a request.</summary>
    public string Role { get; set; } = Roles.Organization;

    public string DisplayName { get; set; } = "";

    /// <summary>Preferred language for notices, one of <see cref="AccountLanguage.Supported"/>.</summary>
    public string Language { get; set; } = AccountLanguage.Default;

    /// <summary>SHA-256 of the code e-mailed at sign-up (the code itself is never stored here).</summary>
    public string? EmailConfirmationHash { get; set; }

    public DateTimeOffset? EmailConfirmationExpiresAt { get; set; }
}
