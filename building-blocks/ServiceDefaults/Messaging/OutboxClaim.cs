using Accreditation.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>
/// The right to dispatch a database's outbox, so that of several replicas sharing it one publishes
/// each row, in order. SQLite: a file has one process, the claim is always held. PostgreSQL: a
/// transaction holding the advisory lock "outbox" (pg_try_advisory_xact_lock) for the whole batch,
/// from reading the due rows to marking them sent; a replica that finds it taken skips its turn.
/// <para>
/// Why a lock over the whole outbox rather than rows claimed with FOR UPDATE SKIP LOCKED: skipping
/// locked rows hands the next replica the rows after them, which it then publishes ahead of the
/// batch still waiting for delivery (or for its retry): "a failed row holds back every later row"
/// would no longer hold. One holder keeps the single commit order of the outbox; the lock is the
/// lease, and PostgreSQL ends it the moment its holder's connection dies (no expiry to wait out,
/// no lease column to migrate). Throughput is one dispatcher's, which the outbox had before replicas.
/// </para>
/// </summary>
public sealed class OutboxClaim : IAsyncDisposable
{
    const string Lock = "outbox";
    readonly IDbContextTransaction? _transaction;

    OutboxClaim(IDbContextTransaction? transaction) => _transaction = transaction;

    /// <summary>The claim, or null when another replica is dispatching this database's outbox.</summary>
    public static async Task<OutboxClaim?> TryTakeAsync(DbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
            return new OutboxClaim(null);
        var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (await WriteTransaction.LockAsync(db.Database, Lock, wait: false, ct))
                return new OutboxClaim(transaction);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
        await transaction.DisposeAsync();
        return null;
    }

    /// <summary>Commits what the batch marked (sent, or its retry), which releases the claim.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_transaction is null)
            return;
        try
        {
            await _transaction.CommitAsync(CancellationToken.None);
        }
        finally
        {
            await _transaction.DisposeAsync();
        }
    }
}
