using Microsoft.AspNetCore.Identity;

namespace Accreditation.Identity.Domain;

/// <summary>An organization user's portal account; ASP.NET Core Identity keeps the password hash and lockout state.</summary>
public sealed class AccountUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Preferred language for notices, one of <see cref="AccountLanguage.Supported"/>.</summary>
    public string Language { get; set; } = AccountLanguage.Default;
}
