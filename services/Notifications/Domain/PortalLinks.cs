using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Notifications.Domain;

/// <summary>
/// Where notices send their reader: the portal's root (Notifications:Links:Portal, else the site of the
/// sign-in page Notifications:Links:SignIn), ending in "/". Each language's template adds its own
/// culture and the page, e.g. "{PortalUrl}fr/applications/{ApplicationId}".
/// </summary>
public sealed record PortalLinks(string Base)
{
    public static PortalLinks From(IConfiguration configuration) =>
        From(configuration.ReadSettings<NotificationLinksOptions>(NotificationLinksOptions.Section));

    public static PortalLinks From(NotificationLinksOptions links)
    {
        if (links.Portal is { Length: > 0 } portal)
            return new PortalLinks(portal.EndsWith('/') ? portal : portal + "/");
        // The sign-in page is the portal's: its site is the root.
        return new PortalLinks(new Uri(links.Page(nameof(NotificationLinksOptions.SignIn)), UriKind.Absolute).GetLeftPart(UriPartial.Authority) + "/");
    }
}
