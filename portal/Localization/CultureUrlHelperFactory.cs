using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;

namespace Accreditation.Portal.Localization;

/// <summary>
/// Every link and redirect the portal generates keeps the page's language: routing drops ambient
/// values once the target page differs, so the culture is added wherever a link does not name one.
/// </summary>
public sealed class CultureUrlHelperFactory(UrlHelperFactory inner) : IUrlHelperFactory
{
    public IUrlHelper GetUrlHelper(ActionContext context) => new CultureUrlHelper(inner.GetUrlHelper(context));

    sealed class CultureUrlHelper(IUrlHelper inner) : IUrlHelper
    {
        public ActionContext ActionContext => inner.ActionContext;

        public string? Action(UrlActionContext actionContext)
        {
            actionContext.Values = WithCulture(actionContext.Values);
            return inner.Action(actionContext);
        }

        public string? RouteUrl(UrlRouteContext routeContext)
        {
            routeContext.Values = WithCulture(routeContext.Values);
            return inner.RouteUrl(routeContext);
        }

        public string? Content(string? contentPath) => inner.Content(contentPath);

        public bool IsLocalUrl(string? url) => inner.IsLocalUrl(url);

        public string? Link(string? routeName, object? values) => inner.Link(routeName, WithCulture(values));

        RouteValueDictionary WithCulture(object? values)
        {
            var dictionary = new RouteValueDictionary(values);
            if (!dictionary.ContainsKey(PortalCultures.RouteKey))
                dictionary[PortalCultures.RouteKey] = inner.ActionContext.RouteData.Values[PortalCultures.RouteKey]
                    ?? PortalCultures.OfPath(inner.ActionContext.HttpContext.Request.Path)
                    ?? System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            return dictionary;
        }
    }
}
