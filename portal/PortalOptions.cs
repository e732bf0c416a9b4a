using System.ComponentModel.DataAnnotations;
using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Portal;

/// <summary>The portal's own settings (section Portal); <see cref="PortalSettings"/> is what they give with Services:*.</summary>
public sealed class PortalOptions : IValidatableObject
{
    public const string Section = "Portal";

    /// <summary>The keys of its cookies and antiforgery tokens, shared by its replicas; unset: portal-keys in the data folder.</summary>
    public string? KeysDirectory { get; set; }

    /// <summary>Besides loopback, the networks (the gateway's) whose X-Forwarded-* the portal believes.</summary>
    public ForwardedNetworks ForwardedHeaders { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => ForwardedHeaders.Validate(validationContext);
}
