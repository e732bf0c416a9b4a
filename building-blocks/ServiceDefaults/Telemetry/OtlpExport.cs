using Microsoft.Extensions.Configuration;

namespace Accreditation.ServiceDefaults.Telemetry;

/// <summary>
/// Which signals go to an OTLP collector, read from OpenTelemetry's standard variables (environment
/// or any other configuration source): a signal is exported once <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// (or the signal's own <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>...) is set, unless
/// <c>OTEL_TRACES_EXPORTER</c> (<c>_METRICS_</c>, <c>_LOGS_</c>) is <c>none</c>; nothing at all when
/// <c>OTEL_SDK_DISABLED</c> is <c>true</c>. The exporter itself then reads the endpoint, protocol,
/// headers and timeout from the same variables.
/// </summary>
public sealed record OtlpExport(bool Traces, bool Metrics, bool Logs)
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    public bool Any => Traces || Metrics || Logs;

    public static OtlpExport From(IConfiguration configuration)
    {
        if (string.Equals(configuration["OTEL_SDK_DISABLED"], "true", StringComparison.OrdinalIgnoreCase))
            return new(false, false, false);
        return new(Exports(configuration, "TRACES"), Exports(configuration, "METRICS"), Exports(configuration, "LOGS"));
    }

    static bool Exports(IConfiguration configuration, string signal) =>
        !string.Equals(configuration[$"OTEL_{signal}_EXPORTER"], "none", StringComparison.OrdinalIgnoreCase)
        && (!string.IsNullOrWhiteSpace(configuration[EndpointVariable])
            || !string.IsNullOrWhiteSpace(configuration[$"OTEL_EXPORTER_OTLP_{signal}_ENDPOINT"]));

    /// <summary>The service name spans, metrics and logs carry: <c>OTEL_SERVICE_NAME</c> when set, else the part's own.</summary>
    public static string ServiceName(IConfiguration configuration, string fallback) =>
        configuration[ServiceNameVariable] is { Length: > 0 } name ? name : fallback;
}
