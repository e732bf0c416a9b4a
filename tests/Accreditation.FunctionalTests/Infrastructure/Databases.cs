using Microsoft.Data.Sqlite;

namespace Accreditation.FunctionalTests.Infrastructure;

/// <summary>Direct access to a running system's SQLite files, for what no API offers (forcing redelivery).</summary>
public static class Databases
{
    public static readonly string[] Publishers = ["identity", "registration", "objections"];

    public static SqliteConnection Open(SystemFixture system, string service)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(system.DataDirectory, $"{service}.db"),
            DefaultTimeout = 30,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var busy = connection.CreateCommand();
        busy.CommandText = "PRAGMA busy_timeout = 5000;";
        busy.ExecuteNonQuery();
        return connection;
    }

    public static long Scalar(SystemFixture system, string service, string sql)
    {
        using var connection = Open(system, service);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    public static int Execute(SystemFixture system, string service, string sql)
    {
        using var connection = Open(system, service);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }
}
