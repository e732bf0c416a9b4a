using Microsoft.AspNetCore.Localization;

namespace Accreditation.Portal.Localization;

/// <summary>
/// A page asked for without its language (/, /confirm-email?... from an e-mail) is sent to the
/// same path under the person's language; a page opened under a language remembers it in a cookie,
/// which is how the switch on every page is remembered.
/// </summary>
public static class CulturePaths
{
    static readonly string[] OwnPaths = ["/healthz", "/status", "/css", "/js", "/favicon.ico", "/portal.css", "/portal.js"];

    public static IApplicationBuilder UseCulturePaths(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var path = http.Request.Path;
        var inPath = PortalCultures.OfPath(path);
        if (inPath is null && HttpMethods.IsGet(http.Request.Method) && !OwnPaths.Any(p => path.StartsWithSegments(p)))
        {
            var culture = http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.TwoLetterISOLanguageName;
            var target = PortalCultures.IsSupported(culture) ? culture! : PortalCultures.English;
            http.Response.Redirect($"/{target}{(path.Value == "/" ? "" : path.Value)}{http.Request.QueryString}");
            return;
        }
        if (inPath is not null && http.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] is var cookie
            && CookieRequestCultureProvider.ParseCookieValue(cookie ?? "")?.UICultures.FirstOrDefault().Value != inPath)
        {
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(inPath)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = http.Request.IsHttps });
        }
        await next();
    });
}
