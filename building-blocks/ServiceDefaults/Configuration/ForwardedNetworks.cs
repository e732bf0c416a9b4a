using System.ComponentModel.DataAnnotations;

namespace Accreditation.ServiceDefaults.Configuration;

/// <summary>Networks (CIDR ranges) whose X-Forwarded-* headers are believed; loopback always is.</summary>
public sealed class ForwardedNetworks : IValidatableObject
{
    public string[] KnownNetworks { get; set; } = [];

    public IEnumerable<System.Net.IPNetwork> Parsed => KnownNetworks.Select(System.Net.IPNetwork.Parse);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        KnownNetworks.Select((network, i) => (network, i)).Where(n => !System.Net.IPNetwork.TryParse(n.network, out _))
            .Select(n => new ValidationResult($"'{n.network}' is not a CIDR range such as 10.0.0.0/8.", [$"ForwardedHeaders:KnownNetworks:{n.i}"]));
}
