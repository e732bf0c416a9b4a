using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.ServiceDefaults.Data;

/// <summary>
/// Group commit: units of work of one database that arrive while another batch is committing run
/// together in one write transaction (one lock, one fsync for all of them), each inside its own
/// savepoint, in arrival order, on one context of the batch. Each caller is answered only once the
/// shared transaction's outcome is known. A unit that fails (a duplicate, a refusal, a bug) is rolled
/// back to its savepoint and, once the others have committed, answered with its own error. If the
/// transaction itself fails (its BEGIN or its COMMIT), nothing of the batch was committed and every
/// unit not answered runs again alone, with the usual retry (<see cref="UnitOfWork.RetryInTransactionAsync{T}"/>):
/// the failed ones too, since their refusal may have come from a unit before them that is now
/// undone (a duplicate of a submission that was never committed).
/// <para>
/// A unit is the same work as a unit of work's: it loads what it changes and ends with its save
/// (state, outbox rows, ledger entries together); the batch's context is cleared after each, so a
/// unit never sees another's tracked entities, only their committed-to-be rows.
/// </para>
/// </summary>
public sealed class GroupCommit<TDb>(IServiceScopeFactory scopes) where TDb : DbContext
{
    /// <summary>A batch's size at most: past it the next batch starts (bounds a caller's wait behind others).</summary>
    const int MaxBatch = 64;
    const string Savepoint = "unit";

    readonly Queue<IUnit> _queue = new();
    bool _draining;

    public Task<T> RunAsync<T>(Func<TDb, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var unit = new Unit<T>(work, ct, Activity.Current);
        bool lead;
        lock (_queue)
        {
            _queue.Enqueue(unit);
            lead = !_draining;
            _draining = true;
        }
        if (lead)
        {
            // The drain is nobody's request: it carries no caller's ambient state (trace, HTTP context).
            using (ExecutionContext.SuppressFlow())
                _ = Task.Run(DrainAsync, CancellationToken.None);
        }
        return unit.Result;
    }

    async Task DrainAsync()
    {
        while (true)
        {
            List<IUnit> batch;
            lock (_queue)
            {
                if (_queue.Count == 0)
                {
                    _draining = false;
                    return;
                }
                batch = new List<IUnit>(Math.Min(_queue.Count, MaxBatch));
                while (_queue.Count > 0 && batch.Count < MaxBatch)
                    batch.Add(_queue.Dequeue());
            }
            try
            {
                await RunBatchAsync(batch);
            }
            catch (Exception ex)
            {
                // Never a drain that stops with callers waiting: whoever is not answered hears why.
                foreach (var unit in batch.Where(u => !u.Answered))
                    unit.Fail(ex);
            }
        }
    }

    async Task RunBatchAsync(List<IUnit> batch)
    {
        var committed = false;
        var saved = new HashSet<IUnit>();
        // Refusals wait for the batch's outcome: they may rest on what a unit before them wrote.
        var refused = new Dictionary<IUnit, Exception>();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TDb>();
            await using var transaction = await db.Database.BeginWriteTransactionAsync(CancellationToken.None);
            foreach (var unit in batch)
            {
                if (unit.Cancellation.IsCancellationRequested)
                {
                    unit.Fail(new OperationCanceledException(unit.Cancellation));
                    continue;
                }
                await transaction.CreateSavepointAsync(Savepoint, CancellationToken.None);
                var previous = Activity.Current;
                // The unit's own trace (ledger entries' correlation, logs), not the batch's.
                Activity.Current = unit.Activity;
                try
                {
                    await unit.RunAsync(db);
                    await transaction.ReleaseSavepointAsync(Savepoint, CancellationToken.None);
                    saved.Add(unit);
                }
                catch (Exception ex)
                {
                    await transaction.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
                    await transaction.ReleaseSavepointAsync(Savepoint, CancellationToken.None);
                    // A conflict is the batch's, not the unit's: the unit runs again alone, after the commit.
                    if (!WriteConflict.Is(ex) && ex is not DbUpdateConcurrencyException)
                        refused[unit] = ex;
                }
                finally
                {
                    Activity.Current = previous;
                    db.ChangeTracker.Clear();
                }
            }
            await transaction.CommitAsync(CancellationToken.None);
            committed = true;
        }
        catch (Exception)
        {
            // BEGIN, a savepoint or COMMIT failed: nothing of this batch is in the database, and every
            // unit not answered yet (refused ones included) runs again alone below.
        }
        foreach (var unit in batch.Where(u => !u.Answered))
        {
            if (committed && saved.Contains(unit))
                unit.Succeed();
            else if (committed && refused.TryGetValue(unit, out var refusal))
                unit.Fail(refusal);
            else
                await RunAloneAsync(unit);
        }
    }

    async Task RunAloneAsync(IUnit unit)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TDb>();
            var previous = Activity.Current;
            Activity.Current = unit.Activity;
            try
            {
                await db.RetryInTransactionAsync(async _ => { await unit.RunAsync(db); return true; }, unit.Cancellation);
            }
            finally
            {
                Activity.Current = previous;
            }
            unit.Succeed();
        }
        catch (Exception ex)
        {
            unit.Fail(ex);
        }
    }

    interface IUnit
    {
        CancellationToken Cancellation { get; }
        Activity? Activity { get; }
        bool Answered { get; }
        Task RunAsync(TDb db);
        void Succeed();
        void Fail(Exception ex);
    }

    sealed class Unit<T>(Func<TDb, CancellationToken, Task<T>> work, CancellationToken ct, Activity? activity) : IUnit
    {
        readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        T _value = default!;

        public Task<T> Result => _result.Task;
        public CancellationToken Cancellation => ct;
        public Activity? Activity => activity;
        public bool Answered => _result.Task.IsCompleted;

        public async Task RunAsync(TDb db)
        {
            _value = await work(db, ct);
        }

        public void Succeed() => _result.TrySetResult(_value);

        public void Fail(Exception ex) => _result.TrySetException(ex);
    }
}
