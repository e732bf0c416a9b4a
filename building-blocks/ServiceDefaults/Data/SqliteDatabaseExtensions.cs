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
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddDbContext<TDb>((sp, options) => options
            .UseSqlite(connectionString)
            // A failed save is answered to the caller (ALREADY_EXISTS for a duplicate) or logged by gRPC
            // when unexpected; EF's own error line for it would only alarm operators about refused requests.
            .ConfigureWarnings(warnings => warnings.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug)))
            .AddInterceptors(SqlitePragmas.Instance,
                new OutboxSavedInterceptor(sp.GetRequiredService<OutboxSignal>()),
                new OutboxCommitInterceptor(sp.GetRequiredService<OutboxSignal>())));
        builder.Services.AddHostedService<DatabaseMigrator<TDb>>();
        return builder;
    }

    public static string ConnectionString(IConfiguration configuration, string name)
    {
        if (configuration.GetConnectionString(name) is { Length: > 0 } configured)
            return configured;
        var directory = Path.GetFullPath(configuration["Data:Directory"] ?? "data");
        Directory.CreateDirectory(directory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, $"{name}.db"),
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }
}

/// <summary>Per-connection settings: wait for the single writer instead of failing at once.</summary>
sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();
    const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

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
