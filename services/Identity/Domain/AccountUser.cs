using Accreditation.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Identity;

namespace Accreditation.Identity.Domain;

/// <summary>
/// A person's account: an organization user (self sign-up), a secretariat officer or auditor
/// (provisioned by the staff command or configuration), or a State party's user (created by an
/// officer). ASP.NET Core Identity keeps the password hash, and the security stamp that a new
/// password renews.
/// </summary>
public sealed class AccountUser : IdentityUser
{
    /// <summary>organization, officer, auditor or state; set by whoever creates the account, never by a request.</summary>
    public string Role { get; set; } = Roles.Organization;

    public string DisplayName { get; set; } = "";

    /// <summary>Preferred language for notices, one of <see cref="AccountLanguage.Supported"/>.</summary>
    public string Language { get; set; } = AccountLanguage.Default;

    /// <summary>SHA-256 of the code e-mailed at sign-up (the code itself is never stored here).</summary>
    public string? EmailConfirmationHash { get; set; }

    public DateTimeOffset? EmailConfirmationExpiresAt { get; set; }

    /// <summary>The State party of a State user (role state), which its tokens name as the `state` claim; null for everyone else.</summary>
    public string? StateCode { get; set; }

    /// <summary>SHA-256 of the password reset code e-mailed last (never the code), until it is used.</summary>
    public string? PasswordResetHash { get; set; }

    public DateTimeOffset? PasswordResetRequestedAt { get; set; }

    public DateTimeOffset? PasswordResetExpiresAt { get; set; }
}
