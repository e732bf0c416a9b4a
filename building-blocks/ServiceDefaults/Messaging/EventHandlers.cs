using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>The events a service consumes, each through the inbox, on the service's own queue.</summary>
public sealed class EventHandlers<TDb>(IServiceCollection services, string queueName) where TDb : DbContext
{
    readonly List<Action<IReceiveEndpointConfigurator, IServiceProvider>> _connections = [];
    readonly List<(Type Event, string Consumer)> _subscriptions = [];

    public bool Any => _connections.Count > 0;

    /// <summary>Each event type this queue consumes, and the consumer's name in the inbox.</summary>
    public IReadOnlyList<(Type Event, string Consumer)> Subscriptions => _subscriptions;

    public EventHandlers<TDb> On<TEvent, THandler>()
        where TEvent : class
        where THandler : class, IEventHandler<TEvent>
    {
        services.AddScoped<THandler>();
        _subscriptions.Add((typeof(TEvent), InboxConsumer<TEvent, TDb, THandler>.ConsumerName));
        _connections.Add((endpoint, provider) =>
            endpoint.Consumer(() => new InboxConsumer<TEvent, TDb, THandler>(provider, queueName)));
        return this;
    }

    public void ConnectTo(IReceiveEndpointConfigurator endpoint, IServiceProvider provider)
    {
        UseRetryAndErrorQueue(endpoint, provider.GetRequiredService<ILoggerFactory>(),
            new FailedMessages<TDb>(provider, queueName));
        foreach (var connect in _connections)
            connect(endpoint, provider);
    }

    /// <summary>
    /// Transient faults (a busy database) are retried with backoff; what still fails is reported
    /// (log line, fault counter), recorded in the service's FailedMessages table when a store is
    /// given (so no restart or in-memory transport can lose it), and moved by MassTransit to the
    /// queue's _error queue with its exception.
    /// </summary>
    public static void UseRetryAndErrorQueue(IReceiveEndpointConfigurator endpoint, ILoggerFactory logs, IFailedMessageStore? store = null)
    {
        const int retries = 5;
        endpoint.UseMessageRetry(retry => retry.Exponential(retries, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
        endpoint.UseFilter(new FaultReportingFilter(logs.CreateLogger("Accreditation.Messaging.Faults"), retries, store));
    }
}
