using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Accreditation.ServiceDefaults.Data;

/// <summary>What only the SQLite provider needs: its files, its pragmas, its log checkpoint.</summary>
public static class SqliteDatabaseExtensions
{
    /// <summary>
    /// Moves every committed page into the database file and empties the write-ahead log, so content
    /// just overwritten (a purge) is left neither in the log nor, with secure_delete, in free pages.
    /// </summary>
    /// PostgreSQL has no such setting: overwritten rows stay in its files until VACUUM reuses their
    /// space, so there it does nothing (see README, PostgreSQL).
    public static Task ScrubAsync(this DbContext db, CancellationToken ct) => db.Database.IsSqlite()
        ? db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct)
        : Task.CompletedTask;

    /// <summary>The SQLite connection string of a service: ConnectionStrings:{name}, or {Data:Directory}/{name}.db.</summary>
    public static string ConnectionString(IConfiguration configuration, string name)
    {
        if (configuration.GetConnectionString(name) is { Length: > 0 } configured)
            return configured;
        var directory = Path.GetFullPath(configuration["Data:Directory"] ?? "data");
        PrivateFiles.CreateDirectory(directory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, $"{name}.db"),
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }
}

/// <summary>How SQLite waits for the disk at each commit (PRAGMA synchronous).</summary>
public enum SqliteSynchronous
{
    /// <summary>In WAL mode a commit survives a process crash, but the last ones may be lost with power.</summary>
    Normal,
    /// <summary>Each commit is synced to disk before it returns: it survives a power loss too.</summary>
    Full,
}

/// <summary>
/// Per-connection settings: wait for the single writer instead of failing at once; commits that
/// publish events (or record a consumer's effect) reach the disk before they return (Data:Synchronous,
/// FULL by default: a commit the outbox has published must survive a power loss); deleted content
/// is overwritten, so purged personal data does not linger in free pages.
/// </summary>
/// <remarks>
/// They belong to the native connection, which Microsoft.Data.Sqlite's pool keeps open between
/// uses: they run when a native connection is first handed out, not at every open of a pooled one
/// (that batch was a fixed cost of every read).
/// </remarks>
internal sealed class SqlitePragmas(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    static readonly object Applied = new();
    readonly string Pragmas = $"PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()}; PRAGMA secure_delete = ON;";
    readonly ConditionalWeakTable<object, object> _configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsConfigured(connection))
            return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Configured(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsConfigured(connection))
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Configured(connection);
    }

    bool IsConfigured(DbConnection connection) => connection is SqliteConnection { Handle: { } native } && _configured.TryGetValue(native, out _);

    void Configured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } native })
            _configured.AddOrUpdate(native, Applied);
    }
}