using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;

namespace Accreditation.Portal.Localization;

/// <summary>
/// The portal's three languages. The culture is the first segment of every page's path
/// (/fr/...); a path without one is redirected to the person's cookie, then their browser's
/// Accept-Language, then English.
/// </summary>
public static class PortalCultures
{
    public const string RouteKey = "culture";
    public const string English = "en";
    public static readonly IReadOnlyList<string> Names = [English, "fr", "es"];

    /// <summary>The language's own name, as the switch shows it to a reader of that language.</summary>
    public static string NativeName(string culture) => culture switch
    {
        "fr" => "Français",
        "es" => "Español",
        _ => "English",
    };

    public static bool IsSupported(string? name) => name is not null && Names.Contains(name);

    /// <summary>The culture a path starts with (/fr/profile gives fr), or null.</summary>
    public static string? OfPath(PathString path)
    {
        var value = path.Value ?? "";
        var end = value.IndexOf('/', 1);
        var first = end < 0 ? value.TrimStart('/') : value[1..end];
        return IsSupported(first) ? first : null;
    }

    public static RequestLocalizationOptions Options()
    {
        var cultures = Names.Select(CultureInfo.GetCultureInfo).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(English),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            // fr-CA in Accept-Language chooses fr.
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders = [new PathCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        return options;
    }

    /// <summary>
    /// The culture from the path, or for an error page rendered in place of a page (403, 404),
    /// from the path of the page that was asked for.
    /// </summary>
    sealed class PathCultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext http)
        {
            var path = http.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { } original ? new PathString(original) : http.Request.Path;
            return Task.FromResult(OfPath(path) is { } culture ? new ProviderCultureResult(culture) : null);
        }
    }
}
