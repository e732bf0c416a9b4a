namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>Where the outbox hands its events: the bus of the service's topology.</summary>
public interface IEventPublisher
{
    /// <summary>
    /// Hands the message to the transport; the task completes once the transport has taken it. The
    /// <see cref="PublishedEvent.Delivered"/> it returns completes once the message counts as
    /// delivered (DESIGN.md section 6): at once where a broker keeps it durably, once every
    /// consumer has committed its effect (or recorded its failure) on the in-process bus.
    /// </summary>
    Task<PublishedEvent> PublishAsync(object message, Type messageType, Guid messageId, CancellationToken ct);
}

/// <summary>A message the transport has taken, and when it counts as delivered.</summary>
public readonly record struct PublishedEvent(Task Delivered)
{
    /// <summary>A broker with durable queues and publisher confirms: taken is delivered.</summary>
    public static PublishedEvent Durable { get; } = new(Task.CompletedTask);
}

/// <summary>
/// What a consumer tells the transport once a message has had its effect: committed with its
/// inbox row, or recorded as failed after its retries. Only the in-process bus listens.
/// </summary>
public interface IConsumptionReceipts
{
    void Consumed(Guid messageId, string queue, string consumer);

    /// <summary>The queue gave up on the message (recorded in its FailedMessages table).</summary>
    void Failed(Guid messageId, string queue);
}

sealed class NoConsumptionReceipts : IConsumptionReceipts
{
    public void Consumed(Guid messageId, string queue, string consumer) { }

    public void Failed(Guid messageId, string queue) { }
}
