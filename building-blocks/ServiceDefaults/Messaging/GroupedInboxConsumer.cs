using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>
/// The inbox consumer of a handler whose messages arrive in bursts: its message joins the
/// <see cref="InboxGroup{TEvent,TDb,THandler}"/> being committed together, under the same inbox
/// name as <see cref="InboxConsumer{TEvent,TDb,THandler}"/>, so either dedupes the other's messages.
/// </summary>
public sealed class GroupedInboxConsumer<TEvent, TDb, THandler>(IServiceProvider services, InboxGroup<TEvent, TDb, THandler> group, string queue)
    : IConsumer<TEvent>
    where TEvent : class
    where TDb : DbContext
    where THandler : IEventHandler<TEvent>
{
    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{typeof(TEvent).Name} arrived without a message id.");
        var handled = await group.HandleAsync(context.Message, new EventContext(messageId, context.CorrelationId), context.CancellationToken);
        InboxConsumer<TEvent, TDb, THandler>.Settle(services, messageId, queue, handled);
    }
}
