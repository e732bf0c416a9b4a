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
using Accreditation.ServiceDefaults.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;

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

    /// <summary>
    /// Traces, metrics and logs of the part, exported over OTLP when OpenTelemetry's standard
    /// variables say so (<see cref="OtlpExport"/>), named <c>OTEL_SERVICE_NAME</c> or
    /// <paramref name="serviceName"/>. Where the host lent a <see cref="ProcessTelemetry"/> (several
    /// parts in one process), its tracer and meter serve this part too and only logs are added here.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Services.TryAddSingleton(new TelemetryPart(serviceName));
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new();
        var export = OtlpExport.From(builder.Configuration);
        var shared = builder.Services.Select(d => d.IsKeyedService ? null : d.ImplementationInstance).OfType<ProcessTelemetry>().FirstOrDefault();
        var traces = shared is null && (export.Traces || options.Console);
        var metrics = shared is null && (export.Metrics || options.Console);
        if (!traces && !metrics && !export.Logs)
            return builder;

        var name = shared?.ServiceName ?? OtlpExport.ServiceName(builder.Configuration, serviceName);
        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(name));
        if (traces)
            telemetry.WithTracing(tracing => tracing.AddAccreditationTracing(export, options));
        if (metrics)
            telemetry.WithMetrics(meters => meters.AddAccreditationMetrics(export, options));
        if (export.Logs)
            telemetry.WithLogging(logs => logs.AddOtlpExporter(), logging =>
            {
                logging.IncludeFormattedMessage = true;
                logging.IncludeScopes = true;
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
