using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>Wakes the dispatcher right after a commit that queued events, so polling is only the fallback.</summary>
public sealed class OutboxSignal
{
    readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Timed out: poll anyway.
        }
    }
}

/// <remarks>
/// One instance serves every (pooled) context at once, so whether a save queued rows is kept per
/// context, not in a field.
/// </remarks>
sealed class OutboxSavedInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    static readonly object Queued = new();
    readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _queued = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            if (context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
                _queued.AddOrUpdate(context, Queued);
            else
                _queued.Remove(context);
        }
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Inside an explicit transaction the rows are not visible yet: whoever commits it notifies.
        if (eventData.Context is { } context && _queued.Remove(context) && context.Database.CurrentTransaction is null)
            signal.Notify();
        return ValueTask.FromResult(result);
    }
}

/// <summary>Rows queued inside an explicit transaction become visible at its commit: wake the dispatcher then.</summary>
sealed class OutboxCommitInterceptor(OutboxSignal signal) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => signal.Notify();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }
}
