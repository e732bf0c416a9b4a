namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>
/// Handles one integration event inside the consumer's transaction. Handlers change the DbContext
/// (and may Enqueue events) but do not call SaveChanges: the inbox consumer commits once.
/// </summary>
public interface IEventHandler<in TEvent> where TEvent : class
{
    Task HandleAsync(TEvent message, EventContext context, CancellationToken ct);
}

public sealed record EventContext(Guid MessageId, Guid? CorrelationId);
