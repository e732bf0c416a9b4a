using Grpc.Core;

namespace Accreditation.TestSupport;

/// <summary>Call options of a test's gRPC calls: a bearer token or none, and a deadline so a hung call fails the test.</summary>
public static class Calls
{
    public static CallOptions Bearer(string token) =>
        new(new Metadata { { "Authorization", $"Bearer {token}" } }, DateTime.UtcNow.AddSeconds(30));

    public static CallOptions Anonymous => new(deadline: DateTime.UtcNow.AddSeconds(30));
}
