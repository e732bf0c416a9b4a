using Accreditation.DistributedTests.Infrastructure;
using Xunit.Abstractions;

namespace Accreditation.DistributedTests;

/// <summary>
/// Section 6 of the design with replicas on PostgreSQL: replicas of Registration and Objections are
/// SIGKILLed in turn (registration-1, objections-1, registration-2, objections-2, ...) and started
/// again while 300 applications go through. One replica of each service stays up while its sibling
/// restarts, so the gateway has somewhere to send calls; the outbox dispatchers, the inbox
/// consumers, the deadline closers and the ledger writers of both replicas work on one database.
/// </summary>
[Collection(ReplicatedCollection.Name)]
public sealed class ReplicaCrashTests(ReplicatedSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task Replicas_killed_in_turn_while_applications_are_circulated_and_decided_lose_no_event_apply_none_twice_and_keep_one_ledger()
    {
        var victims = new[] { "registration", "objections" }.SelectMany(system.Instances).OrderBy(i => i[^1]).ToArray();
        var restarting = new Dictionary<string, Task>();

        await new CrashScenario(system, output, "SIGKILL of one replica at a time, restarted in the background", async kill =>
        {
            var victim = victims[kill % victims.Length];
            // Its sibling is back first: one replica of each service always answers.
            foreach (var (replica, restart) in restarting.Where(r => r.Key[..^2] == victim[..^2]).ToList())
            {
                await restart;
                restarting.Remove(replica);
            }
            system.Kill(victim);
            restarting[victim] = system.RestartAsync(victim);
            return victim;
        }, afterKills: () => Task.WhenAll(restarting.Values)).RunAsync();
    }
}
