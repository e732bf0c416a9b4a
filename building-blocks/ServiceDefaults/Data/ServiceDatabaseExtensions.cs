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

public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// The service's own database, in the engine <see cref="DatabaseOptions"/> names: a SQLite file
    /// (ConnectionStrings:{name}, or {Data:Directory}/{name}.db), or a PostgreSQL database
    /// (ConnectionStrings:{name}). The service always asks for <typeparamref name="TDb"/>; on PostgreSQL
    /// it gets <typeparamref name="TPostgreSqlDb"/>, the same model with its own migrations (EF Core's
    /// "migrations with multiple providers", one context type per provider). Migrations run at start,
    /// before the service takes calls.
    /// </summary>
    public static WebApplicationBuilder AddServiceDatabase<TDb, TPostgreSqlDb>(this WebApplicationBuilder builder, string name)
        where TDb : DbContext where TPostgreSqlDb : TDb
    {
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddServiceDbContext<TDb, TPostgreSqlDb>(builder.Configuration, name, (sp, options) => options
            // A failed save is answered to the caller (ALREADY_EXISTS for a duplicate) or logged by gRPC
            // when unexpected; EF's own error line for it would only alarm operators about refused requests.
            .ConfigureWarnings(warnings => warnings.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug))
                // Migrating at start would otherwise first build the model twice more (the snapshot's and
                // the design-time one) to compare them, on every start, up to date or not (bench startup:
                // about 0.3 s less CPU on a restart). A migration forgotten is caught before it ships, by
                // ProviderGuaranteesTests (HasPendingModelChanges, every service, both providers).
                .Ignore(RelationalEventId.PendingModelChangesWarning))
            .AddInterceptors(
                new OutboxSavedInterceptor(sp.GetRequiredService<OutboxSignal>()),
                new OutboxCommitInterceptor(sp.GetRequiredService<OutboxSignal>())));
        builder.Services.AddHostedService<DatabaseMigrator<TDb>>();
        return builder;
    }

    /// <summary>
    /// The context alone, on the configured engine (a command-line tool's, without outbox or migrations at start).
    /// Contexts are pooled: building one per request (its options, its internal services) was a
    /// quarter of a read's CPU. The options, and so the interceptors, are then built once for the
    /// process and shared by every context, so they keep no state of their own (a context with
    /// state of its own clears it when it is disposed, i.e. returned to the pool).
    /// </summary>
    public static IServiceCollection AddServiceDbContext<TDb, TPostgreSqlDb>(this IServiceCollection services, IConfiguration configuration,
        string name, Action<IServiceProvider, DbContextOptionsBuilder>? configure = null)
        where TDb : DbContext where TPostgreSqlDb : TDb
    {
        var (provider, configured) = DatabaseOptions.For(configuration, name);
        if (provider == DatabaseProvider.PostgreSql)
            return services.AddDbContextPool<TDb, TPostgreSqlDb>((sp, options) =>
            {
                options.UseNpgsql(configured);
                configure?.Invoke(sp, options);
            });
        var connectionString = configured ?? SqliteDatabaseExtensions.ConnectionString(configuration, name);
        PrivateFiles.CreateDatabaseFile(new SqliteConnectionStringBuilder(connectionString).DataSource);
        var pragmas = new SqlitePragmas(configuration.GetValue("Data:Synchronous", SqliteSynchronous.Full));
        // Created by the container so that it closes the read connections when the host stops.
        services.AddKeyedSingleton(typeof(TDb), (_, _) => new PreparedReads(connectionString));
        return services.AddDbContextPool<TDb>((sp, options) =>
        {
            options.UseSqlite(connectionString).AddInterceptors(pragmas, sp.GetRequiredKeyedService<PreparedReads>(typeof(TDb)));
            configure?.Invoke(sp, options);
        });
    }
}

/// <summary>Applies migrations (and on SQLite switches the file to WAL) before anything else runs.</summary>
sealed class DatabaseMigrator<TDb>(IServiceProvider services) : IHostedService where TDb : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        // Replicas starting together are safe: EF Core takes a migration lock in the database.
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
