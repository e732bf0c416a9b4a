using System.ComponentModel.DataAnnotations;

namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>Which bus a service publishes and consumes on (section Bus).</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    /// <summary>InMemory (a lone process), RabbitMq (the distributed topology) or Shared (the standalone host's one bus).</summary>
    [EnumDataType(typeof(BusTransport))]
    public BusTransport Transport { get; set; } = BusTransport.InMemory;
}

public enum BusTransport
{
    InMemory,
    RabbitMq,
    Shared,
}
