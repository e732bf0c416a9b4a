using System.Net;
using Accreditation.ServiceDefaults;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Configuration;
using Grpc.Reflection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Accreditation.Gateway;

public static class GatewayExtensions
{
    /// <summary>
    /// The one public entry: an HTTP/1.1 listener (JSON API, token endpoint) and an h2c listener
    /// (gRPC), since cleartext Kestrel cannot offer both protocols on one port.
    /// </summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var addresses = builder.Services.AddSettings<GatewayOptions>(builder.Configuration, GatewayOptions.Section);
        var (http, grpc) = (new Uri(addresses.HttpUrl), new Uri(addresses.GrpcUrl));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(Address(http), http.Port, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Listen(Address(grpc), grpc.Port, listen => listen.Protocols = HttpProtocols.Http2);
        });

        var backends = GatewayRoutes.Backends(builder.Configuration);
        var dapr = DaprSidecar.From(builder.Configuration);
        var health = GatewayDestinations.HealthChecks.From(builder.Configuration);
        var (routes, clusters) = GatewayRoutes.Build(backends, dapr, health);
        var (portalRoute, portalCluster) = GatewayRoutes.Portal(builder.Configuration, dapr, health);
        builder.Services.AddReverseProxy().LoadFromMemory([.. routes, portalRoute], [.. clusters, portalCluster]);
        builder.Services.AddGatewayHealthChecks(health);
        builder.Services.AddGatewayRateLimits(builder.Configuration);
        builder.Services.AddGatewayForwardedHeaders(builder.Configuration);

        // The gateway's own gRPC: health, and reflection over every public service it routes.
        builder.Services.AddSingleton(new ReflectionServiceImpl(GatewayRoutes.Services(backends)));
        builder.Services.AddGrpc();
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy());
        builder.Services.TryAddTimeProvider();
        builder.AddTokenValidation();
        builder.AddTelemetry("gateway");
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        if (GatewayForwardedHeaders.IsConfigured(app.Configuration))
            app.UseForwardedHeaders();
        // Before routing: its static files are served only to requests no route (the portal's catch-all) has claimed.
        app.UseApiReference();
        app.UseRouting();
        app.UseAuthentication();
        // After authentication, so a caller with a token is limited by its subject, not its address.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.MapHealthChecks("/healthz");
        app.MapReverseProxy();
        return app;
    }

    static IPAddress Address(Uri uri) => uri.Host switch
    {
        "localhost" => IPAddress.Loopback,
        "*" or "+" or "0.0.0.0" => IPAddress.Any,
        var host => IPAddress.Parse(host),
    };

    static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
            services.AddSingleton(TimeProvider.System);
    }
}
