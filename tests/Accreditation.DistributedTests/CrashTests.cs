using Accreditation.DistributedTests.Infrastructure;
using Xunit.Abstractions;

namespace Accreditation.DistributedTests;

/// <summary>
/// Section 6 of the design under SIGKILL in the distributed topology: a process killed between its
/// commit and its publish (or between a consumer's commit and its acknowledgement) loses nothing
/// and applies nothing twice.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class CrashTests(DistributedSystem system, ITestOutputHelper output)
{
    static readonly string[] Victims = ["registration", "objections"];

    [Fact]
    public Task Services_killed_while_applications_are_circulated_and_decided_lose_no_event_and_apply_none_twice() =>
        new CrashScenario(system, output, "SIGKILL of registration and objections in turn", async kill =>
        {
            var victim = Victims[kill % Victims.Length];
            system.Kill(victim);
            await system.RestartAsync(victim);
            return victim;
        }).RunAsync();
}
