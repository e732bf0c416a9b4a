using Accreditation.ServiceDefaults.Messaging;
using MassTransit.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Accreditation.ServiceDefaults.Telemetry;

/// <summary>What every part records, whether it has providers of its own or shares its process's.</summary>
public static class TelemetryPipelines
{
    /// <summary>Yarp's forwarder span in the gateway (YARP 2's ActivitySource).</summary>
    public const string YarpSource = "Yarp.ReverseProxy";
    /// <summary>Grpc.Net.Client's call span; the HTTP/2 request under it comes from the HttpClient instrumentation.</summary>
    public const string GrpcClientSource = "Grpc.Net.Client";
    /// <summary>The part (gateway, registration...) a request's span belongs to, also where one process hosts several.</summary>
    public const string PartTag = "accreditation.part";

    public static TracerProviderBuilder AddAccreditationTracing(this TracerProviderBuilder tracing, OtlpExport export, TelemetryOptions options)
    {
        tracing
            .AddAspNetCoreInstrumentation(aspNet =>
            {
                // Probes every few seconds would bury the requests an operator looks for.
                aspNet.Filter = context => !IsProbe(context.Request.Path);
                aspNet.EnrichWithHttpRequest = (activity, request) =>
                    activity.SetTag(PartTag, request.HttpContext.RequestServices.GetService<TelemetryPart>()?.Name);
            })
            .AddHttpClientInstrumentation()
            .AddEntityFrameworkCoreInstrumentation()
            .AddSource(DiagnosticHeaders.DefaultListenerName, GrpcClientSource, YarpSource, OutboxTracing.SourceName);
        if (export.Traces)
            tracing.AddOtlpExporter();
        if (options.Console)
            tracing.AddConsoleExporter();
        return tracing;
    }

    public static MeterProviderBuilder AddAccreditationMetrics(this MeterProviderBuilder metrics, OtlpExport export, TelemetryOptions options)
    {
        metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
            .AddMeter(DiagnosticHeaders.DefaultListenerName, MessagingMetrics.MeterName, "System.Runtime");
        if (export.Metrics)
            metrics.AddOtlpExporter();
        if (options.Console)
            metrics.AddConsoleExporter();
        return metrics;
    }

    static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/grpc.health.v1.Health");
}

/// <summary>The name of the part a host runs, for the <see cref="TelemetryPipelines.PartTag"/> of its requests.</summary>
public sealed record TelemetryPart(string Name);
