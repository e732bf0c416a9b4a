using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Configuration;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Accreditation.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// What every gRPC service has: HTTP/2 listeners, gRPC with JSON transcoding and error
    /// mapping, reflection, the OpenAPI document, health, token validation, telemetry and the clock.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        // First: the secrets are configuration every later step may read.
        builder.AddDaprSecrets();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<WallClock>();
        // Plain-http listeners that serve gRPC must speak HTTP/2 (prior knowledge); the gateway speaks it to them.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));
        // The error details' types are registered so JSON clients get them in the error body too.
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<ErrorMappingInterceptor>())
            .AddJsonTranscoding(json => json.TypeRegistry = RichStatus.DetailTypes);
        builder.Services.AddGrpcReflection();
        builder.Services.AddOpenApiDocument(serviceName);
        builder.Services.AddGrpcHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy());
        builder.AddTokenValidation();
        builder.AddTelemetry(serviceName);
        return builder;
    }

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        var console = builder.Configuration.GetValue("Telemetry:Console", false);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource("MassTransit");
                if (console) tracing.AddConsoleExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter("MassTransit", Messaging.MessagingMetrics.MeterName);
                if (console) metrics.AddConsoleExporter();
            });
        return builder;
    }

    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        app.MapOpenApiDocument();
        return app;
    }
}
