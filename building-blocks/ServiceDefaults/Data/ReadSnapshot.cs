using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Accreditation.ServiceDefaults.Data;

/// <summary>
/// Several reads that must agree with each other (figures counted by separate queries) in one
/// snapshot of the database: a transaction committed between two of them is seen by all or none.
/// Without it, a window's decisions committing between the count by state and the count of
/// decisions gave "100,000 decided, 0 admitted". Nothing is written, and no writer is held up.
/// </summary>
public static class ReadSnapshot
{
    public static async Task<T> InReadSnapshotAsync<T>(this DatabaseFacade database, Func<CancellationToken, Task<T>> reads, CancellationToken ct)
    {
        if (database.CurrentTransaction is not null)
            return await reads(ct);
        if (database.IsNpgsql())
        {
            // Repeatable read: one snapshot for the whole transaction (read committed takes one per statement).
            await using var transaction = await database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            return await reads(ct);
        }
        // Otherwise SQLite, the only other provider a service is configured with (DatabaseOptions).
        await database.OpenConnectionAsync(ct);
        try
        {
            // Deferred: the first read starts the snapshot (WAL), and no write lock is taken, which
            // Microsoft.Data.Sqlite's default BEGIN IMMEDIATE would take.
            await using var sqlite = ((SqliteConnection)database.GetDbConnection()).BeginTransaction(deferred: true);
            await using var transaction = await database.UseTransactionAsync(sqlite, ct);
            return await reads(ct);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
