using Accreditation.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>
/// Commits the messages of one consumer that are being consumed at the same moment in one
/// transaction: each message's effect and its inbox row, all together, so a burst of events (a
/// window's thousands of decisions) costs one commit per group instead of one per message.
/// Each message keeps its own outcome: should the group fail, every message of it is handled again
/// alone in its own transaction, exactly as <see cref="InboxConsumer{TEvent,TDb,THandler}"/> does,
/// and only a message that fails alone fails (and is retried, then kept as failed, by itself).
/// Only for handlers whose effects may share a unit of work: they read what the unit of work has
/// added (its tracker) as well as what is stored, and save nothing themselves.
/// </summary>
public sealed class InboxGroup<TEvent, TDb, THandler>(IServiceProvider services, int maxGroup)
    where TEvent : class
    where TDb : DbContext
    where THandler : IEventHandler<TEvent>
{
    static readonly string ConsumerName = InboxConsumer<TEvent, TDb, THandler>.ConsumerName;
    readonly Lock _gate = new();
    readonly List<Waiting> _waiting = [];
    bool _running;

    /// <summary>Completes once the message's effect is committed (true) or was committed before (false, a duplicate).</summary>
    public Task<bool> HandleAsync(TEvent message, EventContext context, CancellationToken ct)
    {
        var waiting = new Waiting(message, context, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            _waiting.Add(waiting);
            if (_running)
                return waiting.Done.Task.WaitAsync(ct);
            _running = true;
        }
        // The first to find nobody committing commits every group until none is waiting.
        _ = Task.Run(CommitWhileWaitingAsync, CancellationToken.None);
        return waiting.Done.Task.WaitAsync(ct);
    }

    async Task CommitWhileWaitingAsync()
    {
        while (true)
        {
            List<Waiting> group;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _running = false;
                    return;
                }
                var count = Math.Min(maxGroup, _waiting.Count);
                group = _waiting.GetRange(0, count);
                _waiting.RemoveRange(0, count);
            }
            await CommitAsync(group);
        }
    }

    async Task CommitAsync(List<Waiting> group)
    {
        if (group.Count > 1)
        {
            try
            {
                var handled = await CommitTogetherAsync(group, CancellationToken.None);
                for (var i = 0; i < group.Count; i++)
                    group[i].Done.TrySetResult(handled[i]);
                return;
            }
            catch (Exception ex)
            {
                services.GetService<ILoggerFactory>()?.CreateLogger("Accreditation.Messaging.Inbox")
                    .LogDebug(ex, "A group of {Count} {MessageType} for {Consumer} failed; each is handled alone", group.Count, typeof(TEvent).Name, ConsumerName);
            }
        }
        foreach (var waiting in group)
        {
            try
            {
                waiting.Done.TrySetResult(await InboxConsumer<TEvent, TDb, THandler>.HandleOneAsync(services, waiting.Message, waiting.Context, CancellationToken.None));
            }
            catch (Exception ex)
            {
                waiting.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>One transaction: the inbox read once for the group, then each new message's effect and inbox row.</summary>
    async Task<bool[]> CommitTogetherAsync(List<Waiting> group, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var handler = scope.ServiceProvider.GetRequiredService<THandler>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var ids = group.Select(w => w.Context.MessageId).Distinct().ToList();

        // The group's handlers look up what earlier messages of it added (DbSet.Local, ChangeTracker.Entries),
        // and each look-up would detect changes over the whole tracker again: quadratic in the group's size
        // (a third of the host's CPU under a burst of submissions). What they look for is found by state
        // (Added) and by the objects' own values, so changes are detected once, before the save.
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await CommitTogetherAsync(db, handler, clock, group, ids, ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    Task<bool[]> CommitTogetherAsync(TDb db, THandler handler, TimeProvider clock, List<Waiting> group, List<Guid> ids, CancellationToken ct) =>
        db.RetryOnBusyAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
            var inbox = db.Set<InboxMessage>();
            var seen = (await inbox.Where(m => m.Consumer == ConsumerName && ids.Contains(m.MessageId)).Select(m => m.MessageId).ToListAsync(ct))
                .ToHashSet();
            // Stored already, or a second delivery of one in this very group.
            var fresh = new List<int>(group.Count);
            for (var i = 0; i < group.Count; i++)
            {
                if (seen.Add(group[i].Context.MessageId))
                    fresh.Add(i);
                else
                    InboxConsumer<TEvent, TDb, THandler>.Duplicate(services, group[i].Context.MessageId);
            }
            if (handler is IGroupEventHandler<TEvent> readsAhead && fresh.Count > 0)
                await readsAhead.PrepareAsync(fresh.Select(i => new EventInGroup<TEvent>(group[i].Message, group[i].Context)).ToList(), ct);
            var handled = new bool[group.Count];
            foreach (var i in fresh)
            {
                var (message, context, _) = group[i];
                await handler.HandleAsync(message, context, ct);
                inbox.Add(new InboxMessage { MessageId = context.MessageId, Consumer = ConsumerName, ProcessedAt = clock.GetUtcNow() });
                handled[i] = true;
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return handled;
        }, ct);

    sealed record Waiting(TEvent Message, EventContext Context, TaskCompletionSource<bool> Done);
}
