using Accreditation.ServiceDefaults.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.Tests.Databases;

/// <summary>
/// The databases of one test class on one provider, configured as a service configures them
/// (Database:Provider, ConnectionStrings:&lt;service&gt;, through AddServiceDbContext): SQLite files
/// in a temporary folder, or one database per service on the tests' PostgreSQL server.
/// </summary>
public abstract class ProviderDatabases : IAsyncLifetime
{
    readonly List<ServiceProvider> _providers = [];
    readonly Dictionary<string, string> _connectionStrings = new(StringComparer.Ordinal);
    readonly string _folder = Path.Combine(Path.GetTempPath(), $"provider-tests-{Guid.NewGuid():N}");

    public abstract DatabaseProvider Provider { get; }

    /// <summary>
    /// A "replica" of <paramref name="service"/>: its own container, hence its own connections, on the
    /// class's database of that service. Every call on the same service reaches the same data.
    /// </summary>
    /// <param name="configure">More of the context's options (a test's interceptors).</param>
    public async Task<IServiceProvider> ReplicaAsync<TDb, TPostgreSqlDb>(string service, Action<DbContextOptionsBuilder>? configure = null)
        where TDb : DbContext where TPostgreSqlDb : TDb
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{DatabaseOptions.Section}:Provider"] = Provider.ToString(),
            ["Data:Directory"] = _folder,
        };
        if (Provider == DatabaseProvider.PostgreSql)
        {
            if (!_connectionStrings.TryGetValue(service, out var connectionString))
                _connectionStrings[service] = connectionString = await (await PostgreSqlServer.GetAsync()).CreateDatabaseAsync(service);
            settings[$"ConnectionStrings:{service}"] = connectionString;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var provider = new ServiceCollection().AddServiceDbContext<TDb, TPostgreSqlDb>(configuration, service,
            configure is null ? null : (_, options) => configure(options)).BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    /// <summary>A context of a fresh scope of <paramref name="replica"/> (disposed with the context's owner).</summary>
    public static TDb Open<TDb>(IServiceProvider replica) where TDb : DbContext =>
        replica.CreateScope().ServiceProvider.GetRequiredService<TDb>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
            await provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}

public sealed class SqliteDatabases : ProviderDatabases
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlDatabases : ProviderDatabases
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
