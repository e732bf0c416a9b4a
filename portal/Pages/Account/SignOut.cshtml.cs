using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Account;

/// <summary>Ends the session: its server-side tokens are dropped and the cookie cleared.</summary>
public sealed class SignOutModel : PortalPageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Done(Shared["You are signed out."], "/Account/SignIn");
    }
}
