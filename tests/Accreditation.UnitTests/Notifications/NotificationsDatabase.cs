using Accreditation.Notifications.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.UnitTests.Notifications;

/// <summary>A real SQLite file in a temporary folder, migrated like the service's own.</summary>
sealed class NotificationsDatabase : IAsyncDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "notifications-tests", Guid.NewGuid().ToString("N"));

    NotificationsDatabase()
    {
        Directory.CreateDirectory(_folder);
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "notifications.db"), DefaultTimeout = 30 }.ToString();
    }

    public string ConnectionString { get; }

    public static async Task<NotificationsDatabase> CreateAsync()
    {
        var database = new NotificationsDatabase();
        await using var db = database.Open();
        await db.Database.MigrateAsync();
        return database;
    }

    public NotificationsDb Open() => new(new DbContextOptionsBuilder<NotificationsDb>().UseSqlite(ConnectionString).Options);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
        return ValueTask.CompletedTask;
    }
}
