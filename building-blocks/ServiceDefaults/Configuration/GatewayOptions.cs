namespace Accreditation.ServiceDefaults.Configuration;

/// <summary>
/// The gateway's public addresses (section Gateway): where it listens, and the site e-mails and
/// documents point people to.
/// </summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>HTTP/1.1: the JSON API, the token endpoint and the portal.</summary>
    [HttpAddress]
    public string HttpUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>h2c: gRPC (cleartext Kestrel cannot serve both on one port).</summary>
    [HttpAddress]
    public string GrpcUrl { get; set; } = "http://127.0.0.1:5081";
}
