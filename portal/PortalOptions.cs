namespace Accreditation.Portal;

/// <summary>Where the portal finds the services (Services:*) and keeps its keys (Data:Directory).</summary>
public sealed record PortalOptions(Uri Identity, Uri Registration, Uri Objections, Uri Notifications, string KeysDirectory)
{
    public static PortalOptions From(IConfiguration configuration)
    {
        Uri Service(string name) =>
            Uri.TryCreate(configuration[$"Services:{name}"], UriKind.Absolute, out var address)
                ? address
                : throw new InvalidOperationException($"Services:{name} (the {name} service's address) is not configured.");
        var keys = configuration["Portal:KeysDirectory"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(configuration["Data:Directory"] ?? "data", "portal-keys");
        return new PortalOptions(Service("Identity"), Service("Registration"), Service("Objections"), Service("Notifications"), Path.GetFullPath(keys));
    }
}
