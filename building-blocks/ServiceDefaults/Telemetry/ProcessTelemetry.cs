using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Accreditation.ServiceDefaults.Telemetry;

/// <summary>
/// One tracer and one meter provider for a process that hosts several parts (the standalone host).
/// OpenTelemetry's listeners see every ActivitySource and Meter of the process, so a provider per
/// part would record each span and measurement once per part. A host lends this to each part it
/// builds; <see cref="ServiceDefaultsExtensions.AddTelemetry"/> then adds no providers of its own
/// (only the part's log exporter: logs belong to one host).
/// </summary>
public sealed class ProcessTelemetry : IDisposable
{
    readonly TracerProvider? _tracer;
    readonly MeterProvider? _meter;

    ProcessTelemetry(string serviceName, TracerProvider? tracer, MeterProvider? meter)
    {
        ServiceName = serviceName;
        _tracer = tracer;
        _meter = meter;
    }

    /// <summary>The service name every signal of the process carries.</summary>
    public string ServiceName { get; }

    /// <param name="configuration">OpenTelemetry's standard variables (<see cref="OtlpExport"/>) and the <see cref="TelemetryOptions.Section"/>.</param>
    /// <param name="tracing">More for the tracer (tests add an in-memory exporter); tracing is on whenever it is given.</param>
    public static ProcessTelemetry Start(IConfiguration configuration, string serviceName, Action<TracerProviderBuilder>? tracing = null)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new();
        var export = OtlpExport.From(configuration);
        var name = OtlpExport.ServiceName(configuration, serviceName);
        void Configure(IServiceCollection services) => services.AddSingleton(configuration);

        TracerProvider? tracer = null;
        if (export.Traces || options.Console || tracing is not null)
        {
            var builder = Sdk.CreateTracerProviderBuilder().ConfigureServices(Configure)
                .ConfigureResource(resource => resource.AddService(name)).AddAccreditationTracing(export, options);
            tracing?.Invoke(builder);
            tracer = builder.Build();
        }
        var meter = export.Metrics || options.Console
            ? Sdk.CreateMeterProviderBuilder().ConfigureServices(Configure)
                .ConfigureResource(resource => resource.AddService(name)).AddAccreditationMetrics(export, options).Build()
            : null;
        return new ProcessTelemetry(name, tracer, meter);
    }

    /// <summary>Exports what is still buffered, e.g. before a test reads an in-memory exporter.</summary>
    public void Flush()
    {
        _tracer?.ForceFlush();
        _meter?.ForceFlush();
    }

    public void Dispose()
    {
        _tracer?.Dispose();
        _meter?.Dispose();
    }
}
