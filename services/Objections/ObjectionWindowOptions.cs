using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Objections;

/// <summary>How Objections watches its windows (section Objections).</summary>
public sealed class ObjectionWindowOptions
{
    public const string Section = "Objections";

    /// <summary>How often windows past their deadline, or near it, are looked for (wall time).</summary>
    [Positive]
    public TimeSpan DeadlinePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long before a window closes the States parties are reminded of it.</summary>
    [Positive]
    public TimeSpan ReminderLeadTime { get; set; } = TimeSpan.FromDays(2);
}
