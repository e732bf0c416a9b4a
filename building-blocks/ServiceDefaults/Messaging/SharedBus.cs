using System.Collections.Concurrent;
using MassTransit;

namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>
/// The standalone topology's bus: MassTransit's in-memory transport, one instance shared by every
/// service in the process (separate in-memory buses do not see each other's messages).
/// The in-memory transport's "accepted" dies with the process, so a published message counts as
/// delivered only once every consumer that subscribes to its type has committed its effect (or
/// recorded its failure): until then the outbox keeps the row pending, and a crash replays it at
/// start, where the consumers' inboxes make the replay harmless.
/// Publishing waits until the host says every service has connected its queue, so an event
/// published at start-up is not dropped for want of a subscriber.
/// </summary>
public sealed class SharedBus : IEventPublisher, IConsumptionReceipts, IAsyncDisposable
{
    readonly TaskCompletionSource _allConnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly ConcurrentDictionary<Type, List<Subscriber>> _subscribers = new();
    readonly ConcurrentDictionary<Guid, PendingDelivery> _pending = new();

    SharedBus(IBusControl bus) => Bus = bus;

    public IBusControl Bus { get; }

    public static async Task<SharedBus> StartAsync(CancellationToken ct)
    {
        var bus = MassTransit.Bus.Factory.CreateUsingInMemory(_ => { });
        await bus.StartAsync(ct);
        return new SharedBus(bus);
    }

    /// <summary>A service's queue and the consumers on it, each for one event type.</summary>
    public void Subscribe(string queue, IEnumerable<(Type Event, string Consumer)> consumers)
    {
        foreach (var (type, consumer) in consumers)
            _subscribers.AddOrUpdate(type, _ => [new(queue, consumer)], (_, list) => [.. list, new(queue, consumer)]);
    }

    public void AllServicesConnected() => _allConnected.TrySetResult();

    public async Task<PublishedEvent> PublishAsync(object message, Type messageType, Guid messageId, CancellationToken ct)
    {
        await _allConnected.Task.WaitAsync(ct);
        var expected = _subscribers.GetValueOrDefault(messageType) ?? [];
        if (expected.Count == 0)
        {
            await Bus.Publish(message, messageType, context => context.MessageId = messageId, ct);
            return PublishedEvent.Durable;
        }
        // Registered before publishing: a consumer may commit before Publish returns.
        var delivery = _pending.AddOrUpdate(messageId, _ => new PendingDelivery(expected), (_, _) => new PendingDelivery(expected));
        try
        {
            await Bus.Publish(message, messageType, context => context.MessageId = messageId, ct);
        }
        catch
        {
            _pending.TryRemove(KeyValuePair.Create(messageId, delivery));
            throw;
        }
        _ = delivery.Settled.ContinueWith(_ => _pending.TryRemove(KeyValuePair.Create(messageId, delivery)), TaskScheduler.Default);
        return new PublishedEvent(delivery.Settled);
    }

    public void Consumed(Guid messageId, string queue, string consumer)
    {
        if (_pending.TryGetValue(messageId, out var delivery))
            delivery.Settle(s => s.Queue == queue && s.Consumer == consumer);
    }

    public void Failed(Guid messageId, string queue)
    {
        if (_pending.TryGetValue(messageId, out var delivery))
            delivery.Settle(s => s.Queue == queue);
    }

    public async ValueTask DisposeAsync() => await Bus.StopAsync(CancellationToken.None);

    sealed record Subscriber(string Queue, string Consumer);

    /// <summary>The consumers a message still waits for.</summary>
    sealed class PendingDelivery(IEnumerable<Subscriber> expected)
    {
        readonly HashSet<Subscriber> _waiting = [.. expected];
        readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Settled => _settled.Task;

        public void Settle(Predicate<Subscriber> which)
        {
            lock (_waiting)
            {
                _waiting.RemoveWhere(which);
                if (_waiting.Count == 0)
                    _settled.TrySetResult();
            }
        }
    }
}
