using Accreditation.Portal.Localization;
using Accreditation.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Accreditation.Portal.Auth;

/// <summary>
/// A signed-out person is sent to the sign-in page of their language; a person of another role
/// gets 403 (logged like any refusal), rendered in place, with no redirect to follow.
/// </summary>
public sealed class PortalCookieEvents : CookieAuthenticationEvents
{
    public override Task ValidatePrincipal(CookieValidatePrincipalContext context) => SessionTokens.RefreshWhenExpiringAsync(context);

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        var culture = PortalCultures.OfPath(context.Request.Path) ?? PortalCultures.English;
        var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        context.Response.Redirect($"/{culture}/sign-in?returnUrl={Uri.EscapeDataString(back)}");
        return Task.CompletedTask;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        var user = context.HttpContext.User;
        context.HttpContext.RequestServices.GetRequiredService<ILogger<PortalCookieEvents>>().LogWarning(
            "Refused page {Path} for {Subject} ({Role})", context.Request.Path,
            user.FindFirst(AccreditationClaims.Subject)?.Value ?? "anonymous", user.FindFirst(AccreditationClaims.Role)?.Value ?? "none");
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
