using Accreditation.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.ServiceDefaults.Data;

public static class UnitOfWork
{
    const int MaxAttempts = 6;

    /// <summary>
    /// Runs a unit of work and retries all of it when the database refuses a write to a concurrent
    /// writer (<see cref="WriteConflict"/>: SQLite's busy single writer, for which EF Core has no retrying
    /// strategy; PostgreSQL's serialization failures and deadlocks) or another writer changed the same
    /// row first. The work must load what it changes, so a
    /// retry starts from fresh state; one SaveChanges inside it commits state and outbox together.
    /// </summary>
    public static async Task<T> RetryOnBusyAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work(ct);
            }
            catch (Exception ex) when ((WriteConflict.Is(ex) || ex is DbUpdateConcurrencyException) && attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt * attempt + Random.Shared.Next(20)), ct);
            }
        }
    }

    public static Task RetryOnBusyAsync(this DbContext db, Func<CancellationToken, Task> work, CancellationToken ct) =>
        db.RetryOnBusyAsync(async token => { await work(token); return true; }, ct);

    /// <summary>
    /// The same inside one explicit transaction, for work whose reads must still hold when it
    /// writes: the database's only writer while it runs (<see cref="WriteTransaction"/>).
    /// </summary>
    public static Task<T> RetryInTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct) =>
        db.RetryOnBusyAsync(async token =>
        {
            await using var transaction = await db.Database.BeginWriteTransactionAsync(token);
            var result = await work(token);
            await transaction.CommitAsync(token);
            return result;
        }, ct);

    /// <summary>Saves, answering a unique-index violation as the domain duplicate it is (built before, thrown only then).</summary>
    public static async Task SaveOrAlreadyExistsAsync(this DbContext db, AlreadyExistsException duplicate, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear();
            throw duplicate;
        }
    }
}
