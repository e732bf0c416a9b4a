using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
        UseRetryAndErrorQueue(endpoint, provider.GetRequiredService<ILoggerFactory>());
        foreach (var connect in _connections)
            connect(endpoint, provider);
    }

    /// <summary>
    /// Transient faults (a busy database) are retried with backoff; what still fails is reported
    /// (log line, fault counter) and moved by MassTransit to the queue's _error queue with its exception.
    /// </summary>
    public static void UseRetryAndErrorQueue(IReceiveEndpointConfigurator endpoint, ILoggerFactory logs)
    {
        const int retries = 5;
        endpoint.UseMessageRetry(retry => retry.Exponential(retries, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
        endpoint.UseFilter(new FaultReportingFilter(logs.CreateLogger("Accreditation.Messaging.Faults"), retries));
    }
}
