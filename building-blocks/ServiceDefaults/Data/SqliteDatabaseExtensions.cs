using System.Data.Common;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Accreditation.ServiceDefaults.Data;

public static class SqliteDatabaseExtensions
{
    /// <summary>
    /// The service's own SQLite file: ConnectionStrings:{name}, or {Data:Directory}/{name}.db.
    /// Migrations run at start, before the service takes calls.
    /// </summary>
    public static WebApplicationBuilder AddServiceDatabase<TDb>(this WebApplicationBuilder builder, string name)
        where TDb : DbContext
    {
        var connectionString = ConnectionString(builder.Configuration, name);
        PrivateFiles.CreateDatabaseFile(new SqliteConnectionStringBuilder(connectionString).DataSource);
        var pragmas = new SqlitePragmas(builder.Configuration.GetValue("Data:Synchronous", SqliteSynchronous.Full));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddDbContext<TDb>((sp, options) => options
            .UseSqlite(connectionString)
            // A failed save is answered to the caller (ALREADY_EXISTS for a duplicate) or logged by gRPC
            // when unexpected; EF's own error line for it would only alarm operators about refused requests.
            .ConfigureWarnings(warnings => warnings.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug)))
            .AddInterceptors(pragmas,
                new OutboxSavedInterceptor(sp.GetRequiredService<OutboxSignal>()),
                new OutboxCommitInterceptor(sp.GetRequiredService<OutboxSignal>())));
        builder.Services.AddHostedService<DatabaseMigrator<TDb>>();
        return builder;
    }

    /// <summary>
    /// Moves every committed page into the database file and empties the write-ahead log, so content
    /// just overwritten (a purge) is left neither in the log nor, with secure_delete, in free pages.
    /// </summary>
    public static Task ScrubAsync(this DbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);

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
sealed class SqlitePragmas(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    readonly string Pragmas = $"PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()}; PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Applies migrations and switches the file to WAL before anything else runs.</summary>
sealed class DatabaseMigrator<TDb>(IServiceProvider services) : IHostedService where TDb : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
