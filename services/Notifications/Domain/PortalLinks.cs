namespace Accreditation.Notifications.Domain;

/// <summary>
/// Where notices send their reader: the portal's root (Notifications:Links:Portal, else the site of the
/// sign-in page Notifications:Links:SignIn, else the local portal), ending in "/". Each language's
/// template adds its own culture and the page, e.g. "{PortalUrl}fr/applications/{ApplicationId}".
/// </summary>
public sealed record PortalLinks(string Base)
{
    public const string DefaultPortal = "http://127.0.0.1:5080/";

    public static PortalLinks From(IConfiguration configuration)
    {
        if (configuration["Notifications:Links:Portal"] is { Length: > 0 } portal)
            return new PortalLinks(portal.EndsWith('/') ? portal : portal + "/");
        // The sign-in page is the portal's: its site is the root.
        var signIn = configuration["Notifications:Links:SignIn"] is { Length: > 0 } configured ? configured : DefaultPortal;
        return new PortalLinks(new Uri(signIn, UriKind.Absolute).GetLeftPart(UriPartial.Authority) + "/");
    }
}
