using Accreditation.ServiceDefaults.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>
/// Runs a handler and records the message id in the inbox in one transaction: a redelivered
/// message finds its id and has no second effect.
/// </summary>
public sealed class InboxConsumer<TEvent, TDb, THandler>(IServiceProvider services, string queue = "") : IConsumer<TEvent>
    where TEvent : class
    where TDb : DbContext
    where THandler : IEventHandler<TEvent>
{
    public static readonly string ConsumerName = typeof(THandler).Name;

    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{typeof(TEvent).Name} arrived without a message id.");
        var handled = await HandleOneAsync(services, context.Message, new EventContext(messageId, context.CorrelationId), context.CancellationToken);
        Settle(services, messageId, queue, handled);
    }

    /// <summary>The message's effect and its inbox row in one transaction of its own; false for a duplicate.</summary>
    internal static async Task<bool> HandleOneAsync(IServiceProvider services, TEvent message, EventContext context, CancellationToken ct)
    {
        var messageId = context.MessageId;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var handler = scope.ServiceProvider.GetRequiredService<THandler>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        return await db.RetryOnBusyAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
            var inbox = db.Set<InboxMessage>();
            if (await inbox.AnyAsync(m => m.MessageId == messageId && m.Consumer == ConsumerName, ct))
                return Duplicate(services, messageId);
            await handler.HandleAsync(message, context, ct);
            inbox.Add(new InboxMessage { MessageId = messageId, Consumer = ConsumerName, ProcessedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                if (await IsDuplicateAsync(services, messageId))
                    return Duplicate(services, messageId); // a concurrent delivery of the same message won the race
                throw;
            }
            await transaction.CommitAsync(ct);
            return true;
        }, ct);
    }

    /// <summary>Wakes the outbox for what the effect queued, and tells the publisher the message is consumed.</summary>
    internal static void Settle(IServiceProvider services, Guid messageId, string queue, bool handled)
    {
        if (handled)
            services.GetRequiredService<OutboxSignal>().Notify();
        // Committed now (or before, for a duplicate): the publisher may stop keeping it pending.
        services.GetService<IConsumptionReceipts>()?.Consumed(messageId, queue, ConsumerName);
    }

    // Redeliveries are expected (a crash between commit and acknowledgement): counted, not alarming.
    internal static bool Duplicate(IServiceProvider services, Guid messageId)
    {
        MessagingMetrics.Duplicates.Add(1, new KeyValuePair<string, object?>("consumer", ConsumerName));
        services.GetService<ILoggerFactory>()?.CreateLogger("Accreditation.Messaging.Inbox")
            .LogDebug("Duplicate {MessageType} {MessageId} ignored by {Consumer}", typeof(TEvent).Name, messageId, ConsumerName);
        return false;
    }

    static async Task<bool> IsDuplicateAsync(IServiceProvider services, Guid messageId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        return await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.Consumer == ConsumerName);
    }
}
