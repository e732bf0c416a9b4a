using Grpc.Net.Client;

namespace Accreditation.DistributedTests.Infrastructure;

/// <summary>A running system as the tests reach it: the gateway, the API clients' secrets, each service's files.</summary>
public interface ISystemUnderTest
{
    GrpcChannel Grpc { get; }
    HttpClient Http { get; }
    IReadOnlyDictionary<string, string> Secrets { get; }

    /// <summary>The service's SQLite file.</summary>
    string Database(string service);

    /// <summary>Where the service's log lines go.</summary>
    string Log(string service);

    /// <summary>Messages the consumers gave up on after their retries: the broker's error queues, or the services' FailedMessages tables.</summary>
    Task<int> FailedMessagesAsync();
}
