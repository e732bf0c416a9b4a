using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Accreditation.DistributedTests.Infrastructure;

/// <summary>
/// What every outbox accepted against what every consumer's inbox recorded, read from the services'
/// databases: each committed event must reach each service subscribed to it, once.
/// </summary>
public sealed record Accounting(int Accepted, int Pending, int Delivered, int Missing, int InErrorQueues, int DuplicatesIgnored)
{
    const string Contracts = "Accreditation.Contracts.";

    /// <summary>Which services consume which events (their AddEventBus registrations).</summary>
    static readonly Dictionary<string, string[]> Subscribers = new()
    {
        ["registration"] = ["ObjectionWindowClosed", "ObjectionFiled", "ObjectionWithdrawn"],
        ["objections"] = ["ApplicationsCirculated", "ApplicationWithdrawn"],
        ["notifications"] = ["AccountRegistered", "OrganizationMemberAdded", "ApplicationSubmitted", "ApplicationScreened",
            "InformationRequested", "ApplicationsCirculated", "ObjectionFiled", "ObjectionWithdrawn", "ObjectionDeadlineApproaching",
            "ObjectionWindowClosed", "ApplicationDecided", "ApplicationWithdrawn", "RepresentativeMovedUp", "ObjectionRaised",
            "EmailConfirmationRequested", "MemberInvited", "PasswordResetRequested", "StateUserInvited", "AccountLanguageChanged"],
    };

    public static readonly string[] Publishers = ["identity", "registration", "objections", "notifications"];

    public bool Balanced => Pending == 0 && Accepted == Delivered + InErrorQueues;

    public override string ToString() =>
        $"events accepted (outbox row x subscriber) {Accepted}, still pending in outboxes {Pending}, delivered (inbox rows) {Delivered}, " +
        $"missing {Missing}, in error queues {InErrorQueues}, redeliveries ignored by inboxes {DuplicatesIgnored}";

    /// <summary>Outbox rows of every service not yet published (read from the databases; the broker may be down).</summary>
    public static async Task<int> PendingAsync(ISystemUnderTest system) =>
        (await OutboxAsync(system)).Count(r => !r.Sent);

    static async Task<List<(string Id, string Type, bool Sent)>> OutboxAsync(ISystemUnderTest system)
    {
        var outbox = new List<(string Id, string Type, bool Sent)>();
        foreach (var service in Publishers)
            outbox.AddRange(await system.QueryAsync(service,
                "SELECT \"MessageId\", \"Type\", \"SentAt\" IS NOT NULL FROM \"OutboxMessages\"",
                r => (Id(r, 0), r.GetString(1), Convert.ToBoolean(r.GetValue(2)))));
        return outbox;
    }

    public static async Task<Accounting> TakeAsync(ISystemUnderTest system)
    {
        var outbox = await OutboxAsync(system);

        int accepted = 0, delivered = 0;
        foreach (var (service, types) in Subscribers)
        {
            var inbox = (await system.QueryAsync(service, "SELECT \"MessageId\" FROM \"InboxMessages\"", r => Id(r, 0))).ToHashSet();
            foreach (var row in outbox.Where(r => types.Any(t => r.Type == Contracts + t)))
            {
                accepted++;
                if (inbox.Contains(row.Id))
                    delivered++;
            }
        }
        var errors = await system.FailedMessagesAsync();
        return new Accounting(accepted, outbox.Count(r => !r.Sent), delivered, accepted - delivered, errors, DuplicatesLogged(system));
    }

    /// <summary>The inbox logs each redelivery it ignores (Accreditation.Messaging.Inbox, Debug, enabled by the script).</summary>
    public static int DuplicatesLogged(ISystemUnderTest system) =>
        Subscribers.Keys.SelectMany(system.Logs).Distinct().Sum(log => File.Exists(log)
            ? Regex.Matches(File.ReadAllText(log), @"Duplicate \w+ [0-9a-f-]{36} ignored by").Count
            : 0);

    /// <summary>An id column as the API spells it, upper-cased (SQLite keeps Guids as upper-case text, PostgreSQL as uuid).</summary>
    public static string Id(DbDataReader row, int column) => Convert.ToString(row.GetValue(column))!.ToUpperInvariant();

    /// <summary>A count, whichever integer type the engine answers with.</summary>
    public static int Count(DbDataReader row, int column) => Convert.ToInt32(row.GetValue(column));

    public static Task<List<T>> SqliteQueryAsync<T>(string file, string sql, Func<DbDataReader, T> read) =>
        ReadAsync(new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 5 }.ToString()), sql, read);

    public static async Task<List<T>> ReadAsync<T>(DbConnection unopened, string sql, Func<DbDataReader, T> read)
    {
        await using var connection = unopened;
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
            rows.Add(read(reader));
        return rows;
    }

    /// <summary>Waits until every outbox is drained and every subscriber has every event (or it sits in an error queue).</summary>
    public static async Task<Accounting> SettledAsync(ISystemUnderTest system, int seconds = 90) =>
        await Api.EventuallyAsync(() => TakeAsync(system), a => a.Balanced, "the outboxes to drain and every event to be delivered", seconds);
}
