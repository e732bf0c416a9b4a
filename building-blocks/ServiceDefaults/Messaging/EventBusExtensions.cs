using Accreditation.Contracts;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Configuration;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Accreditation.ServiceDefaults.Messaging;

public static class EventBusExtensions
{
    /// <summary>
    /// The service's bus (Bus:Transport = InMemory | RabbitMq | Shared), its outbox dispatcher
    /// and its inbox consumers on a queue named after the service.
    /// </summary>
    public static WebApplicationBuilder AddEventBus<TDb>(this WebApplicationBuilder builder, string queueName,
        Action<EventHandlers<TDb>>? consume = null) where TDb : DbContext
    {
        var handlers = new EventHandlers<TDb>(builder.Services, queueName);
        consume?.Invoke(handlers);
        // Every service refuses the tokens of revoked API clients (see AuthenticationExtensions).
        handlers.On<ApiClientRevoked, ApiClientRevokedHandler<TDb>>();
        builder.Services.AddSingleton<IRevokedClients, RevokedClients<TDb>>();
        var transport = builder.Services.AddSettings<BusOptions>(builder.Configuration, BusOptions.Section).Transport;

        if (transport == BusTransport.Shared)
        {
            // Standalone topology: one in-memory bus for every service of the process (see SharedBus).
            builder.Services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<SharedBus>());
            builder.Services.AddSingleton<IConsumptionReceipts>(sp => sp.GetRequiredService<SharedBus>());
            builder.Services.AddHostedService(sp => new SharedBusEndpoint(sp.GetRequiredService<SharedBus>(), queueName,
                handlers.Subscriptions, endpoint => handlers.ConnectTo(endpoint, sp)));
        }
        else
        {
            var rabbit = transport == BusTransport.RabbitMq
                ? builder.Services.AddSettings<RabbitMqOptions>(builder.Configuration, RabbitMqOptions.Section)
                : null;
            builder.Services.AddMassTransit(bus =>
            {
                if (rabbit is not null)
                    bus.UsingRabbitMq((context, cfg) =>
                    {
                        cfg.Host(rabbit.Host, (ushort)rabbit.Port, rabbit.VirtualHost, host =>
                        {
                            host.Username(rabbit.Username);
                            host.Password(rabbit.Password);
                        });
                        if (handlers.Any)
                            cfg.ReceiveEndpoint(queueName, endpoint => handlers.ConnectTo(endpoint, context));
                    });
                else
                    bus.UsingInMemory((context, cfg) =>
                    {
                        if (handlers.Any)
                            cfg.ReceiveEndpoint(queueName, endpoint => handlers.ConnectTo(endpoint, context));
                    });
            });
            builder.Services.AddSingleton<IEventPublisher, BusEventPublisher>();
            builder.Services.AddSingleton<IConsumptionReceipts, NoConsumptionReceipts>();
        }

        builder.Services.AddSettings<OutboxOptions>(OutboxOptions.Section);
        builder.Services.AddHostedService<OutboxDispatcher<TDb>>();
        return builder;
    }
}

/// <summary>RabbitMQ (durable queues, publisher confirms) or a lone process's in-memory bus.</summary>
sealed class BusEventPublisher(IBus bus) : IEventPublisher
{
    public async Task<PublishedEvent> PublishAsync(object message, Type messageType, Guid messageId, CancellationToken ct)
    {
        await bus.Publish(message, messageType, context => context.MessageId = messageId, ct);
        return PublishedEvent.Durable;
    }
}

/// <summary>Connects a service's consumers to the shared bus while the service runs.</summary>
sealed class SharedBusEndpoint(SharedBus shared, string queueName, IReadOnlyList<(Type Event, string Consumer)> subscriptions,
    Action<IReceiveEndpointConfigurator> configure) : IHostedService
{
    HostReceiveEndpointHandle? _handle;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        shared.Subscribe(queueName, subscriptions);
        _handle = shared.Bus.ConnectReceiveEndpoint(queueName, configure);
        await _handle.Ready.WaitAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_handle is not null)
            await _handle.StopAsync(cancellationToken);
    }
}
