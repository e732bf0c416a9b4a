using Accreditation.Gateway;
using Microsoft.Extensions.Configuration;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace Accreditation.FunctionalTests.Gateway;

/// <summary>The clusters the gateway builds from Services:{Name}: one destination per replica, balanced and health-checked.</summary>
public sealed class GatewayDestinationsTests
{
    static readonly Dictionary<string, string?> OneEach = new()
    {
        ["Services:Identity"] = "http://10.0.0.1:5101",
        ["Services:Registration"] = "http://10.0.0.2:5102",
        ["Services:Objections"] = "http://10.0.0.3:5103",
        ["Services:Notifications"] = "http://10.0.0.4:5104",
        ["Services:Portal"] = "http://10.0.0.5:5105",
    };

    static IReadOnlyList<ClusterConfig> Clusters(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var dapr = DaprSidecar.From(configuration);
        var health = GatewayDestinations.HealthChecks.From(configuration);
        var (_, clusters) = GatewayRoutes.Build(GatewayRoutes.Backends(configuration), dapr, health);
        return [.. clusters, GatewayRoutes.Portal(configuration, dapr, health).Cluster];
    }

    static Dictionary<string, string?> With(params (string Key, string? Value)[] changes)
    {
        var settings = new Dictionary<string, string?>(OneEach);
        foreach (var (key, value) in changes)
            settings[key] = value;
        return settings;
    }

    [Fact]
    public void One_address_per_service_gives_one_destination_each_as_before()
    {
        var clusters = Clusters(OneEach);

        Assert.Equal(["identity", "registration", "objections", "notifications", "portal"], clusters.Select(c => c.ClusterId));
        Assert.Equal(["http://10.0.0.1:5101", "http://10.0.0.2:5102", "http://10.0.0.3:5103", "http://10.0.0.4:5104", "http://10.0.0.5:5105"],
            clusters.Select(c => Assert.Single(c.Destinations!).Value.Address));
    }

    [Theory]
    [InlineData("http://10.0.0.2:5102,http://10.0.0.12:5102")]
    [InlineData("http://10.0.0.2:5102; http://10.0.0.12:5102")]
    [InlineData(" http://10.0.0.2:5102 ,http://10.0.0.12:5102, ")]
    public void A_list_of_replica_addresses_gives_one_destination_per_replica_in_order(string replicas)
    {
        var registration = Clusters(With(("Services:Registration", replicas))).Single(c => c.ClusterId == "registration");

        Assert.Equal(["registration-1", "registration-2"], registration.Destinations!.Keys);
        Assert.Equal(["http://10.0.0.2:5102", "http://10.0.0.12:5102"], registration.Destinations.Values.Select(d => d.Address));
    }

    [Fact]
    public void A_replica_list_with_an_address_that_is_not_http_is_refused_naming_the_setting()
    {
        var settings = With(("Services:Objections", "http://10.0.0.3:5103,ftp://10.0.0.13:5103"));

        var refusal = Assert.Throws<InvalidOperationException>(() => Clusters(settings));

        Assert.Contains("Services:Objections", refusal.Message);
    }

    [Fact]
    public void Every_service_cluster_is_balanced_and_probes_the_health_endpoint_and_watches_failed_calls()
    {
        var clusters = Clusters(With(("Services:Registration", "http://10.0.0.2:5102,http://10.0.0.12:5102"),
            ("Gateway:HealthChecks:Interval", "00:00:01"), ("Gateway:HealthChecks:ReactivationPeriod", "00:00:04")));

        Assert.All(clusters, c =>
        {
            Assert.Equal(LoadBalancingPolicies.PowerOfTwoChoices, c.LoadBalancingPolicy);
            // Should every replica look down, all are tried rather than none.
            Assert.Equal(HealthCheckConstants.AvailableDestinations.HealthyOrPanic, c.HealthCheck!.AvailableDestinationsPolicy);
            Assert.True(c.HealthCheck.Active!.Enabled);
            Assert.Equal("/healthz", c.HealthCheck.Active.Path);
            Assert.Equal("ConsecutiveFailures", c.HealthCheck.Active.Policy);
            Assert.Equal(TimeSpan.FromSeconds(1), c.HealthCheck.Active.Interval);
            Assert.Equal(TimeSpan.FromSeconds(1), c.HealthCheck.Active.Timeout);
            Assert.True(c.HealthCheck.Passive!.Enabled);
            Assert.Equal("TransportFailureRate", c.HealthCheck.Passive.Policy);
            Assert.Equal(TimeSpan.FromSeconds(4), c.HealthCheck.Passive.ReactivationPeriod);
        });
        // The probe travels as the calls do: HTTP/2 to the gRPC services, HTTP/1.1 to the portal.
        Assert.Equal(new Version(2, 0), clusters.Single(c => c.ClusterId == "registration").HttpRequest!.Version);
        Assert.Equal(new Version(1, 1), clusters.Single(c => c.ClusterId == "portal").HttpRequest!.Version);
    }

    [Fact]
    public void Without_health_settings_a_service_is_probed_every_five_seconds()
    {
        var active = Clusters(OneEach).Single(c => c.ClusterId == "objections").HealthCheck!.Active!;

        Assert.Equal(TimeSpan.FromSeconds(5), active.Interval);
        Assert.Equal(TimeSpan.FromSeconds(2), active.Timeout);
    }

    [Theory]
    [InlineData("10.0.0.2:5102")]
    [InlineData("http://10.0.0.2:5102,registration-2")]
    [InlineData("ftp://10.0.0.2")]
    public void An_address_that_is_not_absolute_http_is_refused_naming_the_setting(string replicas)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Clusters(With(("Services:Registration", replicas))));

        Assert.Contains("Services:Registration", error.Message);
    }

    [Fact]
    public void A_missing_service_address_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Clusters(With(("Services:Objections", null))));

        Assert.Contains("Services:Objections", error.Message);
    }

    [Fact]
    public void Through_dapr_every_cluster_is_the_sidecar_alone_which_balances_over_replicas_itself()
    {
        var clusters = Clusters(With(("Services:Registration", "http://10.0.0.2:5102,http://10.0.0.12:5102"), ("Dapr:Enabled", "true"),
            ("Dapr:GrpcEndpoint", "http://127.0.0.1:50001"), ("Dapr:HttpEndpoint", "http://127.0.0.1:3500")));

        Assert.All(clusters, c =>
        {
            Assert.Contains(Assert.Single(c.Destinations!).Value.Address, new[] { "http://127.0.0.1:50001", "http://127.0.0.1:3500" });
            Assert.Null(c.HealthCheck);
        });
    }
}
