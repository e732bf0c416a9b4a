using System.ComponentModel.DataAnnotations;
using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Notifications.Messaging;

/// <summary>When the secretariat's daily digest of applications waiting for screening is due (section Notifications:Digest).</summary>
public sealed class DigestOptions : IValidatableObject
{
    public const string Section = "Notifications:Digest";

    public bool Enabled { get; set; } = true;

    /// <summary>The time of day (UTC, by the domain clock) from which the day's digest is written.</summary>
    public TimeSpan TimeOfDay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How often the service looks whether it is due (wall time).</summary>
    [Positive]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TimeOfDay < TimeSpan.Zero || TimeOfDay >= TimeSpan.FromDays(1))
            yield return new("must be within a day.", [nameof(TimeOfDay)]);
    }
}
