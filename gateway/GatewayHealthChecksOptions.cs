using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Gateway;

/// <summary>How the gateway probes a service's replicas (section Gateway:HealthChecks), see <see cref="GatewayDestinations"/>.</summary>
public sealed class GatewayHealthChecksOptions
{
    public const string Section = "Gateway:HealthChecks";

    /// <summary>Time between two probes of each replica's health endpoint.</summary>
    [Positive]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a probe may take; unset, 2 s or the interval if that is shorter.</summary>
    [Positive]
    public TimeSpan? Timeout { get; set; }

    /// <summary>How long a replica whose calls failed stays out before it is tried again.</summary>
    [Positive]
    public TimeSpan ReactivationPeriod { get; set; } = TimeSpan.FromSeconds(15);
}
