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
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var handler = scope.ServiceProvider.GetRequiredService<THandler>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        var handled = await db.RetryOnBusyAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
            var inbox = db.Set<InboxMessage>();
            if (await inbox.AnyAsync(m => m.MessageId == messageId && m.Consumer == ConsumerName, ct))
                return Duplicate(messageId);
            await handler.HandleAsync(context.Message, new EventContext(messageId, context.CorrelationId), ct);
            inbox.Add(new InboxMessage { MessageId = messageId, Consumer = ConsumerName, ProcessedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                if (await IsDuplicateAsync(messageId))
                    return Duplicate(messageId); // a concurrent delivery of the same message won the race
                throw;
            }
            await transaction.CommitAsync(ct);
            return true;
        }, context.CancellationToken);

        if (handled)
            scope.ServiceProvider.GetRequiredService<OutboxSignal>().Notify();
        // Committed now (or before, for a duplicate): the publisher may stop keeping it pending.
        services.GetService<IConsumptionReceipts>()?.Consumed(messageId, queue, ConsumerName);
    }

    // Redeliveries are expected (a crash between commit and acknowledgement): counted, not alarming.
    bool Duplicate(Guid messageId)
    {
        MessagingMetrics.Duplicates.Add(1, new KeyValuePair<string, object?>("consumer", ConsumerName));
        services.GetService<ILoggerFactory>()?.CreateLogger("Accreditation.Messaging.Inbox")
            .LogDebug("Duplicate {MessageType} {MessageId} ignored by {Consumer}", typeof(TEvent).Name, messageId, ConsumerName);
        return false;
    }

    async Task<bool> IsDuplicateAsync(Guid messageId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        return await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.Consumer == ConsumerName);
    }
}
