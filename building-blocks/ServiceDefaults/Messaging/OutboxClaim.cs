using System.Collections.Concurrent;
using Accreditation.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>
/// The right to dispatch a database's outbox, so that of several replicas sharing it one publishes
/// each row, in order. SQLite: a file has one process, so the claim is a lock of that process per
/// file (two dispatchers of one file, as a test makes, take turns). PostgreSQL: a
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
    static readonly ConcurrentDictionary<string, SemaphoreSlim> Files = new(StringComparer.Ordinal);
    readonly IDbContextTransaction? _transaction;
    readonly SemaphoreSlim? _file;

    OutboxClaim(IDbContextTransaction? transaction, SemaphoreSlim? file) => (_transaction, _file) = (transaction, file);

    /// <summary>The claim, or null when another replica is dispatching this database's outbox.</summary>
    public static async Task<OutboxClaim?> TryTakeAsync(DbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            var file = Files.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
            return await file.WaitAsync(0, ct) ? new OutboxClaim(null, file) : null;
        }
        var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (await WriteTransaction.LockAsync(db.Database, Lock, wait: false, ct))
                return new OutboxClaim(transaction, null);
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
        {
            _file?.Release();
            return;
        }
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
