using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>The outbox dispatcher's settings (section Messaging:Outbox).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Messaging:Outbox";

    /// <summary>How long a published row may wait for its consumers before it is published again.</summary>
    [Positive]
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
