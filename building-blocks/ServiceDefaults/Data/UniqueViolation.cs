using Microsoft.Data.Sqlite;
using Npgsql;

namespace Accreditation.ServiceDefaults.Data;

/// <summary>
/// The one test for "a unique index refused this row", whatever the engine: SQLite's
/// SQLITE_CONSTRAINT_UNIQUE (2067) or _PRIMARYKEY (1555), PostgreSQL's unique_violation (23505).
/// Every service answers it as the domain duplicate it is (ALREADY_EXISTS).
/// </summary>
public static class UniqueViolation
{
    public static bool Is(Exception ex) => ex.GetBaseException() switch
    {
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };

    /// <summary>A unique violation on <paramref name="table"/> (SQLite names "Table.Column", PostgreSQL the table).</summary>
    public static bool On(Exception ex, string table) => Is(ex) && ex.GetBaseException() switch
    {
        PostgresException postgres => postgres.TableName == table,
        var sqlite => sqlite.Message.Contains($"{table}.", StringComparison.Ordinal),
    };
}
