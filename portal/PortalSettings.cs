using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Portal;

/// <summary>Where the portal finds the services (Services:*) and keeps its keys, read and checked once at start.</summary>
public sealed record PortalSettings(Uri Identity, Uri Registration, Uri Objections, Uri Notifications, string KeysDirectory,
    IReadOnlyList<System.Net.IPNetwork> KnownNetworks)
{
    public static PortalSettings From(IConfiguration configuration)
    {
        var services = configuration.ReadSettings<ServicesOptions>(ServicesOptions.Section);
        var portal = configuration.ReadSettings<PortalOptions>(PortalOptions.Section);
        return new PortalSettings(
            ServicesOptions.Required(services.Identity, nameof(services.Identity)),
            ServicesOptions.Required(services.Registration, nameof(services.Registration)),
            ServicesOptions.Required(services.Objections, nameof(services.Objections)),
            ServicesOptions.Required(services.Notifications, nameof(services.Notifications)),
            DataFolder.OrInData(configuration, portal.KeysDirectory, "portal-keys"),
            portal.ForwardedHeaders.Parsed.ToList());
    }
}
