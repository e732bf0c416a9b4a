using System.ComponentModel.DataAnnotations;
using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Notifications.Email;

/// <summary>How deliveries are sent and retried (section Notifications:Delivery).</summary>
public sealed class DeliveryOptions : IValidatableObject
{
    public const string Section = "Notifications:Delivery";

    /// <summary>Attempts before a delivery counts as failed.</summary>
    [Range(1, int.MaxValue)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure, doubled after each further one...</summary>
    [Positive]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>...up to this.</summary>
    [Positive]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the sender looks for due deliveries (wall time).</summary>
    [Positive]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRetryDelay < FirstRetryDelay)
            yield return new("must be at least FirstRetryDelay.", [nameof(MaxRetryDelay)]);
    }
}
