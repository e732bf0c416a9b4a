using Accreditation.Identity.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Account;

/// <summary>Ends the session: Identity ends its refresh token, the server-side tokens are dropped, the cookie cleared.</summary>
public sealed class SignOutModel(AccountService.AccountServiceClient accounts, ILogger<SignOutModel> logger) : PortalPageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            try
            {
                await accounts.EndSessionAsync(new EndSessionRequest(), cancellationToken: ct);
            }
            catch (RpcException e)
            {
                // Signed out here all the same; the refresh token then lasts until its own expiry.
                logger.LogWarning("Identity did not end the session of {Subject}: {Status}", User.Identity.Name, e.StatusCode);
            }
        }
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Done(Shared["You are signed out."], "/Account/SignIn");
    }
}
