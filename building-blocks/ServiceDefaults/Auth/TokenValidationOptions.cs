using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.ServiceDefaults.Auth;

/// <summary>Where every part checks bearer tokens (section Identity; the Identity service's own settings share it).</summary>
public sealed class TokenValidationOptions
{
    public const string Section = "Identity";

    /// <summary>The Identity service's address, whose published keys sign the tokens.</summary>
    [HttpAddress]
    public string? Authority { get; set; }

    /// <summary>Fetch Identity's keys over https only (behind TLS in production).</summary>
    public bool RequireHttpsMetadata { get; set; }
}
