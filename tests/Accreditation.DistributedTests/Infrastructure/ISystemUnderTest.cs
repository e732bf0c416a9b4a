using System.Data.Common;
using Grpc.Net.Client;

namespace Accreditation.DistributedTests.Infrastructure;

/// <summary>A running system as the tests reach it: the gateway, the API clients' secrets, each service's data and logs.</summary>
public interface ISystemUnderTest
{
    GrpcChannel Grpc { get; }
    HttpClient Http { get; }
    IReadOnlyDictionary<string, string> Secrets { get; }

    /// <summary>
    /// Rows of the service's own database, read-only (its SQLite file, or its PostgreSQL database).
    /// The SQL must read the same on both: identifiers in double quotes, COALESCE, CAST(... AS TEXT).
    /// </summary>
    Task<List<T>> QueryAsync<T>(string service, string sql, Func<DbDataReader, T> read);

    /// <summary>Where the service's log lines go (one file per replica).</summary>
    IReadOnlyList<string> Logs(string service);

    /// <summary>Messages the consumers gave up on after their retries: the broker's error queues, or the services' FailedMessages tables.</summary>
    Task<int> FailedMessagesAsync();
}
