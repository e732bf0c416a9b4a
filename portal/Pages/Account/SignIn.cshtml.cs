using System.ComponentModel.DataAnnotations;
using Accreditation.Identity.V1;
using Accreditation.Portal.Auth;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Account;

/// <summary>
/// Password sign-in, done by the portal's server against Identity's token endpoint (the password
/// grant): the tokens stay in the server-side session, the browser gets only its cookie.
/// </summary>
public sealed class SignInModel(IdentityTokens tokens, AccountService.AccountServiceClient accounts) : PortalPageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        var email = Input.Email.Trim();
        var result = await tokens.SignInAsync(email, Input.Password, HttpContext.Connection.RemoteIpAddress, ct);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", $"{Shared["Sign-in failed."]} {result.ErrorDescription}");
            return Page();
        }
        var account = await accounts.GetMyAccountAsync(new GetMyAccountRequest(),
            new Metadata { { "Authorization", $"Bearer {result.AccessToken}" } }, cancellationToken: ct);
        var principal = SessionTokens.Principal(result.AccessToken!, account.Account.Email, account.Account.DisplayName);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, SessionTokens.Properties(result));
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Index");
    }
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    public string Password { get; set; } = "";
}
