using Accreditation.ServiceDefaults.Configuration;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace Accreditation.Gateway;

/// <summary>
/// Where a service's calls go with Dapr off: Services:{Name} holds its address, or the addresses
/// of its replicas separated by ',' or ';' (one environment variable:
/// Services__Registration=http://10.0.0.2:5102,http://10.0.0.3:5102; see <see cref="ServicesOptions"/>). Calls are spread
/// over the replicas (power of two choices: the less busy of two picked at random). A replica is
/// taken out when its health endpoint (GET /healthz every Gateway:HealthChecks:Interval, default
/// 5 s) fails twice in a row or when calls to it fail at transport level (passive), and comes back
/// when it answers its probe again (after Gateway:HealthChecks:ReactivationPeriod, default 15 s,
/// for the passive verdict). Should every replica be out, all are tried rather than none.
/// </summary>
public static class GatewayDestinations
{
    public const string HealthPath = "/healthz";

    public sealed record HealthChecks(TimeSpan Interval, TimeSpan Timeout, TimeSpan ReactivationPeriod)
    {
        public static readonly HealthChecks Default = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));

        public static HealthChecks From(IConfiguration configuration)
        {
            var options = configuration.ReadSettings<GatewayHealthChecksOptions>(GatewayHealthChecksOptions.Section);
            // A probe never outlasts the interval between probes.
            return new HealthChecks(options.Interval, options.Timeout ?? (options.Interval < Default.Timeout ? options.Interval : Default.Timeout),
                options.ReactivationPeriod);
        }
    }

    /// <summary>
    /// The passive verdict lasts the longer of the reactivation period and the failure-rate window
    /// (YARP's default window: a minute); the window follows the period, so a restarted replica is
    /// back within the period, not a minute later.
    /// </summary>
    public static IServiceCollection AddGatewayHealthChecks(this IServiceCollection services, HealthChecks health) =>
        services.Configure<TransportFailureRateHealthPolicyOptions>(options => options.DetectionWindowSize = health.ReactivationPeriod);

    /// <summary>The configured addresses of a service, in order; none when nothing is configured.</summary>
    public static IReadOnlyList<string> Addresses(IConfiguration configuration, string name) =>
        ServicesOptions.Replicas(configuration.ReadSettings<ServicesOptions>(ServicesOptions.Section).Of(name));

    /// <summary>A cluster over every address; with health checks unless it is a Dapr sidecar (Dapr balances over the app's replicas itself).</summary>
    public static ClusterConfig Cluster(string id, IReadOnlyList<string> addresses, ForwarderRequestConfig? request, HealthChecks? health) => new()
    {
        ClusterId = id,
        // Named by position, so a destination keeps its name (and its health history) while the list keeps its order.
        Destinations = addresses.Select((address, i) => (address, i)).ToDictionary(d => $"{id}-{d.i + 1}", d => new DestinationConfig { Address = d.address }),
        HttpRequest = request,
        LoadBalancingPolicy = LoadBalancingPolicies.PowerOfTwoChoices,
        HealthCheck = health is null ? null : new HealthCheckConfig
        {
            AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
            // The probe travels like the calls (the cluster's HTTP version: HTTP/2 to the gRPC services).
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = health.Interval,
                Timeout = health.Timeout,
                Policy = "ConsecutiveFailures",
                Path = HealthPath,
            },
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = "TransportFailureRate",
                ReactivationPeriod = health.ReactivationPeriod,
            },
        },
    };
}
