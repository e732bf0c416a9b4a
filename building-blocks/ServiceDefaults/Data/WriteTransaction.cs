using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Accreditation.ServiceDefaults.Data;

/// <summary>
/// A transaction whose reads still hold when it writes, because it is the database's only writer
/// while it runs. SQLite: Microsoft.Data.Sqlite begins every transaction IMMEDIATE (the file's one
/// write lock). PostgreSQL: the transaction first takes an advisory lock of the database
/// (pg_advisory_xact_lock, released at commit or rollback, or when a replica dies), so replicas
/// sharing the database serialize these units of work as SQLite's writer does, and each reads what
/// the one before committed (read committed, every statement a fresh snapshot).
/// </summary>
public static class WriteTransaction
{
    const string Writers = "writers";

    public static async Task<IDbContextTransaction> BeginWriteTransactionAsync(this DatabaseFacade database, CancellationToken ct)
    {
        // SQLite: this process's writers of the file take turns before BEGIN (WriterGate), not inside it.
        var turn = database.IsSqlite() ? await WriterGate.EnterAsync(database, ct) : null;
        IDbContextTransaction transaction;
        try
        {
            transaction = await database.BeginTransactionAsync(ct);
        }
        catch
        {
            turn?.Release();
            throw;
        }
        try
        {
            await database.SerializeWritersAsync(ct);
            return turn is null ? transaction : new GatedTransaction(transaction, turn);
        }
        catch
        {
            await transaction.DisposeAsync();
            turn?.Release();
            throw;
        }
    }

    /// <summary>Inside a transaction: waits until no other write transaction holds the database (nothing to do on SQLite, which began it IMMEDIATE).</summary>
    public static Task SerializeWritersAsync(this DatabaseFacade database, CancellationToken ct) =>
        database.IsNpgsql() ? LockAsync(database, Writers, wait: true, ct) : Task.FromResult(true);

    /// <summary>
    /// Takes the transaction-scoped advisory lock called <paramref name="name"/> (PostgreSQL only), waiting
    /// for it or not; true when held. Advisory locks are per database, so the name need only be unique within it.
    /// </summary>
    public static async Task<bool> LockAsync(DatabaseFacade database, string name, bool wait, CancellationToken ct)
    {
        var transaction = database.CurrentTransaction
            ?? throw new InvalidOperationException($"The '{name}' lock is taken inside a transaction, which releases it.");
        await using var command = database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = wait ? "SELECT pg_advisory_xact_lock(@key)" : "SELECT pg_try_advisory_xact_lock(@key)";
        var key = command.CreateParameter();
        key.ParameterName = "key";
        key.Value = LockKey(name);
        command.Parameters.Add(key);
        if (!wait)
            return (bool)(await command.ExecuteScalarAsync(ct))!;
        await command.ExecuteNonQueryAsync(ct);
        return true;
    }

    /// <summary>A stable 64-bit key per name, the same in every replica.</summary>
    static long LockKey(string name) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"accreditation:{name}")));
}
