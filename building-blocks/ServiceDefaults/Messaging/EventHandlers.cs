using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>The events a service consumes, each through the inbox, on the service's own queue.</summary>
public sealed class EventHandlers<TDb>(IServiceCollection services) where TDb : DbContext
{
    readonly List<Action<IReceiveEndpointConfigurator, IServiceProvider>> _connections = [];

    public bool Any => _connections.Count > 0;

    public EventHandlers<TDb> On<TEvent, THandler>()
        where TEvent : class
        where THandler : class, IEventHandler<TEvent>
    {
        services.AddScoped<THandler>();
        _connections.Add((endpoint, provider) =>
            endpoint.Consumer(() => new InboxConsumer<TEvent, TDb, THandler>(provider)));
        return this;
    }

    public void ConnectTo(IReceiveEndpointConfigurator endpoint, IServiceProvider provider)
    {
        // Transient faults (a busy database) are retried here; what still fails goes to the _error queue.
        endpoint.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
        foreach (var connect in _connections)
            connect(endpoint, provider);
    }
}
