using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Accreditation.Gateway;

/// <summary>
/// The proxies in front of the gateway whose X-Forwarded-* headers are believed (section
/// Gateway:ForwardedHeaders): addresses, or CIDR ranges. None by default, not even loopback.
/// </summary>
public sealed class GatewayForwardedHeadersOptions : IValidatableObject
{
    public const string Section = "Gateway:ForwardedHeaders";

    public string[] KnownProxies { get; set; } = [];

    public string[] KnownNetworks { get; set; } = [];

    public bool IsConfigured => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => new ValidationResult($"'{p}' is not an IP address.", [nameof(KnownProxies)]))
            .Concat(KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _))
                .Select(n => new ValidationResult($"'{n}' is not a CIDR range such as 10.0.0.0/8.", [nameof(KnownNetworks)])));
}
