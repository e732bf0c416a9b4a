using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Registration;

/// <summary>Registration's own paces and periods (section Registration).</summary>
public sealed class RegistrationOptions
{
    public const string Section = "Registration";

    /// <summary>How often applications past their information deadline are looked for (wall time).</summary>
    [Positive]
    public TimeSpan DeadlinePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often representatives due for their purge are looked for (wall time).</summary>
    [Positive]
    public TimeSpan RetentionPollInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long after the day of their dialogue representatives' personal data is kept.</summary>
    [Positive]
    public TimeSpan RepresentativeRetention { get; set; } = TimeSpan.FromDays(90);
}
