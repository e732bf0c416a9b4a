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
            endpoint.Consumer(() => new InboxConsumer<TEvent, TDb, THandler>(provider, queueName), consumer =>
            {
                if (_grouped)
                    consumer.UseConcurrentMessageLimit(Environment.ProcessorCount);
            }));
        return this;
    }

    /// <summary>
    /// The same, with the messages being consumed at one moment committed together (see
    /// <see cref="InboxGroup{TEvent,TDb,THandler}"/>): for a handler whose events come in bursts and
    /// whose effects may share one unit of work.
    /// </summary>
    public EventHandlers<TDb> OnGrouped<TEvent, THandler>()
        where TEvent : class
        where THandler : class, IEventHandler<TEvent>
    {
        services.AddScoped<THandler>();
        _subscriptions.Add((typeof(TEvent), InboxConsumer<TEvent, TDb, THandler>.ConsumerName));
        _grouped = true;
        _connections.Add((endpoint, provider) =>
        {
            var group = new InboxGroup<TEvent, TDb, THandler>(provider, GroupedConcurrency);
            endpoint.Consumer(() => new GroupedInboxConsumer<TEvent, TDb, THandler>(provider, group, queueName));
        });
        return this;
    }

    /// <summary>
    /// Messages a queue with grouped consumers takes at once: a group is at most this large. Its
    /// other consumers stay at one message per core, as every queue's are.
    /// </summary>
    public const int GroupedConcurrency = 128;

    bool _grouped;

    public void ConnectTo(IReceiveEndpointConfigurator endpoint, IServiceProvider provider)
    {
        UseRetryAndErrorQueue(endpoint, provider.GetRequiredService<ILoggerFactory>(),
            new FailedMessages<TDb>(provider, queueName));
        if (_grouped)
            endpoint.ConcurrentMessageLimit = GroupedConcurrency;
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
