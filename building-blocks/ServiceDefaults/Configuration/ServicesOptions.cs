namespace Accreditation.ServiceDefaults.Configuration;

/// <summary>
/// Where the parts find each other directly (section Services). Which ones a part needs is its
/// own business (the gateway all, the portal the four services, Registration and Notifications
/// each other for the ledger witness); through Dapr the sidecar finds them instead.
/// </summary>
public sealed class ServicesOptions
{
    public const string Section = "Services";

    [HttpAddress]
    public string? Identity { get; set; }

    [HttpAddress]
    public string? Registration { get; set; }

    [HttpAddress]
    public string? Objections { get; set; }

    [HttpAddress]
    public string? Notifications { get; set; }

    [HttpAddress]
    public string? Portal { get; set; }

    /// <summary>A service's address, or a refusal naming the setting.</summary>
    public static Uri Required(string? address, string name) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri : throw Missing(name);

    public static InvalidOperationException Missing(string name) =>
        new($"{Section}:{name} (the {name} service's address) is not configured.");
}
