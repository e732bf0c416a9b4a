using System.Diagnostics.Metrics;

namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>
/// Counters of the messaging plumbing, on the "Accreditation" meter that the OpenTelemetry set-up
/// exports (see ServiceDefaultsExtensions.AddTelemetry).
/// </summary>
public static class MessagingMetrics
{
    public const string MeterName = "Accreditation";
    static readonly Meter Meter = new(MeterName);

    /// <summary>Messages that failed after every retry and were moved to the queue's _error queue.</summary>
    public static readonly Counter<long> Faults = Meter.CreateCounter<long>(
        "accreditation.messaging.faults", "{message}", "Messages that failed after every retry and went to the error queue");

    /// <summary>Redeliveries a consumer recognised in its inbox and ignored.</summary>
    public static readonly Counter<long> Duplicates = Meter.CreateCounter<long>(
        "accreditation.messaging.duplicates", "{message}", "Redelivered messages ignored by a consumer's inbox");
}
