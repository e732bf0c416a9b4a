using MassTransit;

namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>
/// The standalone topology's bus: MassTransit's in-memory transport, one instance shared by every
/// service in the process (separate in-memory buses do not see each other's messages).
/// Publishing waits until the host says every service has connected its queue, so an event
/// published at start-up is not dropped for want of a subscriber.
/// </summary>
public sealed class SharedBus : IEventPublisher, IAsyncDisposable
{
    readonly TaskCompletionSource _allConnected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    SharedBus(IBusControl bus) => Bus = bus;

    public IBusControl Bus { get; }

    public static async Task<SharedBus> StartAsync(CancellationToken ct)
    {
        var bus = MassTransit.Bus.Factory.CreateUsingInMemory(_ => { });
        await bus.StartAsync(ct);
        return new SharedBus(bus);
    }

    public void AllServicesConnected() => _allConnected.TrySetResult();

    public async Task PublishAsync(object message, Type messageType, Guid messageId, CancellationToken ct)
    {
        await _allConnected.Task.WaitAsync(ct);
        await Bus.Publish(message, messageType, context => context.MessageId = messageId, ct);
    }

    public async ValueTask DisposeAsync() => await Bus.StopAsync(CancellationToken.None);
}
