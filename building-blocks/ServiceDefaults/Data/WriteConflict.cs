using Microsoft.Data.Sqlite;
using Npgsql;

namespace Accreditation.ServiceDefaults.Data;

/// <summary>
/// A write refused because another writer got there first, which a retry of the whole unit of work
/// (reading again) resolves: SQLite's busy or locked single writer (5, 6); PostgreSQL's
/// serialization failure (40001) or deadlock (40P01), or a connection it dropped (a restart).
/// </summary>
public static class WriteConflict
{
    public static bool Is(Exception ex) => ex.GetBaseException() switch
    {
        SqliteException { SqliteErrorCode: 5 or 6 } => true,
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } => true,
        PostgresException => false,
        NpgsqlException { IsTransient: true } => true,
        _ => false,
    };
}
