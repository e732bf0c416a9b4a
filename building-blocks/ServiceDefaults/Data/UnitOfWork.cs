using Accreditation.ServiceDefaults.Errors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.ServiceDefaults.Data;

public static class UnitOfWork
{
    const int MaxAttempts = 6;

    /// <summary>
    /// Runs a unit of work and retries all of it when SQLite reports its single writer busy
    /// (EF Core has no retrying strategy for SQLite) or another writer changed the same row first. The work must load what it changes, so a
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
            catch (Exception ex) when ((IsBusy(ex) || ex is DbUpdateConcurrencyException) && attempt < MaxAttempts)
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
    /// writes (SQLite then refuses a write on a stale snapshot as busy, and the retry re-reads).
    /// </summary>
    public static Task<T> RetryInTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct) =>
        db.RetryOnBusyAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
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
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            throw duplicate;
        }
    }

    public static bool IsUniqueViolation(Exception ex) =>
        ex.GetBaseException() is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    static bool IsBusy(Exception ex) =>
        ex.GetBaseException() is SqliteException { SqliteErrorCode: 5 or 6 };
}
