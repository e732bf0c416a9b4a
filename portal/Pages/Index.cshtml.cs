using Accreditation.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages;

/// <summary>The front page: signed out, how to begin; signed in, the home of the person's role.</summary>
public sealed class IndexModel : PortalPageModel
{
    public IActionResult OnGet() => User.FindFirst(AccreditationClaims.Role)?.Value switch
    {
        Roles.Organization => RedirectToPage("/Organization/Index"),
        Roles.Officer or Roles.Auditor => RedirectToPage("/Secretariat/Index"),
        Roles.State => RedirectToPage("/State/Index"),
        _ => Page(),
    };
}
