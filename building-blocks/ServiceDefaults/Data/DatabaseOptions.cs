using Microsoft.Extensions.Configuration;

namespace Accreditation.ServiceDefaults.Data;

/// <summary>The engines a service's data can live in.</summary>
public enum DatabaseProvider
{
    /// <summary>A file per service on the machine (the default): one writer, no replica.</summary>
    Sqlite,
    /// <summary>A PostgreSQL database per service, which several replicas of the service share.</summary>
    PostgreSql,
}

/// <summary>
/// Which engine holds a service's data: <c>Database:Provider</c> for the process, overridden per
/// service by <c>Database:&lt;Service&gt;:Provider</c> (the standalone host runs every service in one
/// process); the connection string stays <c>ConnectionStrings:&lt;service&gt;</c>. Checked before the
/// service is built: an unknown provider, or PostgreSQL without a connection string, refuses the start.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (default) or PostgreSql, for every service of the process without its own.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>The provider and connection string of one service, or the start refused naming the setting at fault.</summary>
    public static (DatabaseProvider Provider, string? ConnectionString) For(IConfiguration configuration, string service)
    {
        var own = $"{Section}:{service}:Provider";
        var (key, value) = configuration[own] is { Length: > 0 } configured
            ? (own, configured)
            : ($"{Section}:{nameof(Provider)}", configuration.GetSection(Section).Get<DatabaseOptions>()?.Provider ?? nameof(DatabaseProvider.Sqlite));
        if (!Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) || !Enum.IsDefined(provider) || int.TryParse(value, out _))
            throw new InvalidOperationException(
                $"{key} is '{value}': the provider is {string.Join(" or ", Enum.GetNames<DatabaseProvider>())}.");
        var connectionString = configuration.GetConnectionString(service);
        if (provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                $"{key} is PostgreSql but ConnectionStrings:{service} is not set: PostgreSQL needs the connection string of the service's database.");
        return (provider, string.IsNullOrWhiteSpace(connectionString) ? null : connectionString);
    }
}
