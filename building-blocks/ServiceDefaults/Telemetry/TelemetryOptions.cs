namespace Accreditation.ServiceDefaults.Telemetry;

/// <summary>
/// The project's own telemetry settings. Where spans, metrics and logs are exported to is not
/// here: that is OpenTelemetry's standard environment (see <see cref="OtlpExport"/>).
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Also writes spans and metrics to the console (a developer's quick look).</summary>
    public bool Console { get; set; }
}
