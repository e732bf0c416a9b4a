using System.Net;
using Accreditation.ServiceDefaults.Configuration;
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
    public static bool IsConfigured(IConfiguration configuration) =>
        configuration.ReadSettings<GatewayForwardedHeadersOptions>(GatewayForwardedHeadersOptions.Section).IsConfigured;

    public static IServiceCollection AddGatewayForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = services.AddSettings<GatewayForwardedHeadersOptions>(configuration, GatewayForwardedHeadersOptions.Section);
        var proxies = settings.KnownProxies.Select(IPAddress.Parse).ToList();
        var networks = settings.KnownNetworks.Select(System.Net.IPNetwork.Parse).ToList();
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
}
