using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Accreditation.Portal.Localization;

/// <summary>Puts {culture} in front of every page's route, so every link names its language.</summary>
public sealed class CultureRouteConvention : IPageRouteModelConvention
{
    /// <summary>The page rendered in place of a refused or missing one keeps the language of the path asked for.</summary>
    const string StatusPage = "/Status";

    public void Apply(PageRouteModel model)
    {
        if (model.ViewEnginePath == StatusPage)
            return;
        // An Index page answers at its folder's path only (/en/secretariat, not /en/secretariat/index),
        // so links to it are generated that way too.
        if (model.Selectors.Count > 1)
            foreach (var named in model.Selectors.Where(s => s.AttributeRouteModel?.Template?.EndsWith("Index", StringComparison.OrdinalIgnoreCase) == true).ToList())
                model.Selectors.Remove(named);
        foreach (var selector in model.Selectors)
        {
            var template = selector.AttributeRouteModel?.Template ?? "";
            selector.AttributeRouteModel = new AttributeRouteModel
            {
                Template = $"{{{PortalCultures.RouteKey}:{CultureRouteConstraint.Name}}}/{template.TrimStart('~', '/')}".TrimEnd('/'),
                Order = selector.AttributeRouteModel?.Order,
            };
        }
    }
}

/// <summary>Only the portal's three cultures are a culture segment: /de/profile is not found.</summary>
public sealed class CultureRouteConstraint : IRouteConstraint
{
    public const string Name = "portalculture";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        PortalCultures.IsSupported(values.TryGetValue(routeKey, out var value) ? value as string : null);
}
