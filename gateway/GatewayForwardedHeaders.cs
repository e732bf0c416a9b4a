using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Accreditation.Gateway;

/// <summary>
/// Behind a TLS terminator or load balancer, the client's address and scheme come from its
/// X-Forwarded-* headers, but only when that proxy is listed (Gateway:ForwardedHeaders:KnownProxies,
/// addresses, or KnownNetworks, CIDR ranges). Otherwise the socket's address is the caller: a client
/// cannot pick its own rate-limit partition by sending the header itself.
/// </summary>
public static class GatewayForwardedHeaders
{
    const string Section = "Gateway:ForwardedHeaders";

    public static bool IsConfigured(IConfiguration configuration) =>
        Proxies(configuration).Length > 0 || Networks(configuration).Length > 0;

    public static IServiceCollection AddGatewayForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Proxies(configuration).Select(p => IPAddress.TryParse(p, out var address) ? address
            : throw new InvalidOperationException($"{Section}:KnownProxies: '{p}' is not an IP address.")).ToList();
        var networks = Networks(configuration).Select(n => System.Net.IPNetwork.TryParse(n, out var network) ? network
            : throw new InvalidOperationException($"{Section}:KnownNetworks: '{n}' is not a CIDR range such as 10.0.0.0/8.")).ToList();
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only what is configured: the defaults would trust any process on loopback.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
    }

    static string[] Proxies(IConfiguration configuration) =>
        configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];

    static string[] Networks(IConfiguration configuration) =>
        configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [];
}
