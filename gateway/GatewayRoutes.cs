using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Configuration;
using Google.Api;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Accreditation.Gateway;

/// <summary>
/// The routes are derived from the contracts: every gRPC service of a backend, and the path
/// prefixes of its google.api.http rules. A new RPC is routed without touching the gateway.
/// </summary>
public static class GatewayRoutes
{
    /// <summary>A service behind the gateway; its Dapr app id is its name.</summary>
    public sealed record Backend(string Name, IReadOnlyList<string> Addresses, IReadOnlyList<FileDescriptor> Contracts,
        bool RequiresToken, IReadOnlyList<string> ExtraPaths)
    {
        /// <summary>Paths served without a token even where the service's other routes need one (published documents).</summary>
        public IReadOnlyList<string> AnonymousPaths { get; init; } = [];

        /// <summary>gRPC services (full names) served without a token, with their JSON paths (public pages).</summary>
        public IReadOnlyList<string> AnonymousServices { get; init; } = [];
    }

    public static IReadOnlyList<Backend> Backends(IConfiguration configuration)
    {
        // Through Dapr the sidecar finds the service by app id: no address to configure.
        var viaDapr = DaprSidecar.From(configuration) is not null;
        IReadOnlyList<string> Address(string name)
        {
            var addresses = GatewayDestinations.Addresses(configuration, name);
            return addresses.Count > 0 || viaDapr ? addresses
                : throw ServicesOptions.Missing(name);
        }
        return
        [
            new("identity", Address("Identity"), [Accreditation.Identity.V1.AccountsReflection.Descriptor, Accreditation.Identity.V1.StateClientsReflection.Descriptor], RequiresToken: false, ["/connect/{**rest}", "/.well-known/{**rest}"]),
            new("registration", Address("Registration"), [Accreditation.Registration.V1.RegistrationReflection.Descriptor, Accreditation.Registration.V1.LedgerReflection.Descriptor, Accreditation.Registration.V1.ParticipationReflection.Descriptor, Accreditation.Registration.V1.InvitationsReflection.Descriptor, Accreditation.Registration.V1.ProgrammeReflection.Descriptor], RequiresToken: true, [])
            {
                // The ledger's public keys: anyone checks a head without an account.
                AnonymousPaths = ["/.well-known/accreditation-ledger.json"],
                // Dialogues' public pages and online representatives' join links: no account needed.
                AnonymousServices = [Accreditation.Registration.V1.PublicDialogueService.Descriptor.FullName],
            },
            new("objections", Address("Objections"), [Accreditation.Objections.V1.ObjectionsReflection.Descriptor], RequiresToken: true, []),
            new("notifications", Address("Notifications"), [Accreditation.Notifications.V1.NotificationsReflection.Descriptor], RequiresToken: true, []),
        ];
    }

    public static IEnumerable<ServiceDescriptor> Services(IEnumerable<Backend> backends) =>
        backends.SelectMany(b => b.Contracts).SelectMany(f => f.Services);

    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) Build(IReadOnlyList<Backend> backends, DaprSidecar? dapr = null,
        GatewayDestinations.HealthChecks? health = null)
    {
        health ??= GatewayDestinations.HealthChecks.Default;
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        // The services listen with HTTP/2 only (gRPC needs it); JSON calls travel as HTTP/2 too.
        var http2 = new ForwarderRequestConfig { Version = new Version(2, 0), VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        foreach (var backend in backends)
        {
            // Direct: one cluster per service. Through Dapr: the sidecar's gRPC port for gRPC (proxied
            // as gRPC), its HTTP port for JSON and the token endpoint (HTTP service invocation).
            var grpcCluster = backend.Name;
            var jsonCluster = dapr is null ? backend.Name : $"{backend.Name}-http";
            clusters.Add(dapr is null ? GatewayDestinations.Cluster(grpcCluster, backend.Addresses, http2, health) : Cluster(grpcCluster, dapr.GrpcEndpoint, http2));
            if (dapr is not null)
                clusters.Add(Cluster(jsonCluster, dapr.HttpEndpoint, null));
            var appId = dapr is null ? null : backend.Name;
            foreach (var service in backend.Contracts.SelectMany(f => f.Services))
            {
                var served = backend.AnonymousServices.Contains(service.FullName) ? backend with { RequiresToken = false } : backend;
                routes.Add(Route(served, grpcCluster, appId, $"grpc-{service.FullName}", $"/{service.FullName}/{{method}}"));
                foreach (var path in JsonPaths(service))
                    routes.Add(Route(served, jsonCluster, appId, $"json-{backend.Name}-{path}", path));
            }
            foreach (var path in backend.ExtraPaths)
                routes.Add(Route(backend, jsonCluster, appId, $"{backend.Name}-{path}", path));
            // Besides the backend's published documents, its OpenAPI description (read before any token is had).
            foreach (var path in backend.AnonymousPaths.Append(OpenApiDocuments.PathOf(backend.Name)))
                routes.Add(Route(backend with { RequiresToken = false }, jsonCluster, appId, $"{backend.Name}-anonymous-{path}", path));
        }
        return (routes.DistinctBy(r => r.RouteId).ToList(), clusters);
    }

    // The sidecar: one destination, no health checks of ours.
    static ClusterConfig Cluster(string id, string address, ForwarderRequestConfig? request) =>
        GatewayDestinations.Cluster(id, [address], request, health: null);

    /// <summary>
    /// The web portal (Services:Portal) answers every path no service claims: its pages start with a
    /// language (/en/...), which no API route does. The portal signs people in itself (its session
    /// cookie), so the edge asks for no token here; the budgets below still apply to its forms.
    /// </summary>
    public static (RouteConfig Route, ClusterConfig Cluster) Portal(IConfiguration configuration, DaprSidecar? dapr,
        GatewayDestinations.HealthChecks? health = null)
    {
        const string name = "portal";
        var addresses = GatewayDestinations.Addresses(configuration, "Portal");
        if (addresses.Count == 0 && dapr is null)
            throw ServicesOptions.Missing("Portal");
        var route = new RouteConfig
        {
            RouteId = name,
            ClusterId = name,
            // After every API route, whatever their order of registration.
            Order = int.MaxValue,
            Match = new RouteMatch { Path = "/{**rest}" },
            AuthorizationPolicy = "Anonymous",
            Transforms = dapr is null ? null : [new Dictionary<string, string> { ["RequestHeader"] = DaprSidecar.AppIdHeader, ["Set"] = name }],
        };
        // The portal is an ordinary web app: HTTP/1.1 in cleartext.
        var http11 = new ForwarderRequestConfig { Version = System.Net.HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionOrLower };
        return (route, dapr is null
            ? GatewayDestinations.Cluster(name, addresses, http11, health ?? GatewayDestinations.HealthChecks.Default)
            : Cluster(name, dapr.HttpEndpoint, http11));
    }

    // Authentication at the edge; each service still checks the token and the object itself.
    static RouteConfig Route(Backend backend, string cluster, string? daprAppId, string id, string path) => new()
    {
        RouteId = id,
        ClusterId = cluster,
        Match = new RouteMatch { Path = path },
        AuthorizationPolicy = backend.RequiresToken ? "Default" : "Anonymous",
        // Dapr service invocation: the sidecar forwards to the app named here.
        Transforms = daprAppId is null ? null : [new Dictionary<string, string> { ["RequestHeader"] = DaprSidecar.AppIdHeader, ["Set"] = daprAppId }],
    };

    /// <summary>
    /// The route patterns of a service's JSON rules: "/v1/applications/{application_id}:screen" gives
    /// "/v1/applications/{**rest}"; a custom method on a collection, "/v1/accounts:confirmEmail",
    /// is a segment of its own and gets its exact path besides.
    /// </summary>
    static IEnumerable<string> JsonPaths(ServiceDescriptor service) =>
        service.Methods
            .Select(m => m.GetOptions()?.GetExtension(AnnotationsExtensions.Http))
            .Where(rule => rule is not null)
            .Select(rule => rule!.PatternCase switch
            {
                HttpRule.PatternOneofCase.Get => rule.Get,
                HttpRule.PatternOneofCase.Post => rule.Post,
                HttpRule.PatternOneofCase.Put => rule.Put,
                HttpRule.PatternOneofCase.Delete => rule.Delete,
                HttpRule.PatternOneofCase.Patch => rule.Patch,
                _ => "",
            })
            .SelectMany(path =>
            {
                var literal = path.Split('/', StringSplitOptions.RemoveEmptyEntries).TakeWhile(segment => !segment.Contains('{')).Take(2).ToList();
                if (literal.Count == 0)
                    return [];
                var prefix = "/" + string.Join('/', literal.Select(segment => segment.Split(':')[0]));
                return literal[^1].Contains(':') ? [$"{prefix}/{{**rest}}", "/" + string.Join('/', literal)] : new[] { $"{prefix}/{{**rest}}" };
            })
            .Distinct();
}
