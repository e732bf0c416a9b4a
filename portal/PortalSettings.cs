using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Portal;

/// <summary>Where the portal finds the services (Services:*) and keeps its keys, read and checked once at start.</summary>
/// <remarks>Each service's every replica: the gRPC clients balance over them (<see cref="ReplicaChannels"/>).</remarks>
public sealed record PortalSettings(IReadOnlyList<Uri> Identity, IReadOnlyList<Uri> Registration, IReadOnlyList<Uri> Objections,
    IReadOnlyList<Uri> Notifications, string KeysDirectory,
    IReadOnlyList<System.Net.IPNetwork> KnownNetworks)
{
    public static PortalSettings From(IConfiguration configuration)
    {
        var services = configuration.ReadSettings<ServicesOptions>(ServicesOptions.Section);
        var portal = configuration.ReadSettings<PortalOptions>(PortalOptions.Section);
        return new PortalSettings(
            ServicesOptions.RequiredReplicas(services.Identity, nameof(services.Identity)),
            ServicesOptions.RequiredReplicas(services.Registration, nameof(services.Registration)),
            ServicesOptions.RequiredReplicas(services.Objections, nameof(services.Objections)),
            ServicesOptions.RequiredReplicas(services.Notifications, nameof(services.Notifications)),
            DataFolder.OrInData(configuration, portal.KeysDirectory, "portal-keys"),
            portal.ForwardedHeaders.Parsed.ToList());
    }
}
