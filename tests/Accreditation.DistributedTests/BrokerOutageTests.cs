using System.Diagnostics;
using Accreditation.DistributedTests.Infrastructure;
using Xunit.Abstractions;

namespace Accreditation.DistributedTests;

/// <summary>The broker goes away under load: requests keep being answered from the outboxes, nothing answered OK is lost.</summary>
[Collection(DistributedCollection.Name)]
public sealed class BrokerOutageTests(DistributedSystem system, ITestOutputHelper output)
{
    static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    readonly Api _api = new(system);

    [Fact]
    public async Task RabbitMq_stopped_for_30_seconds_under_load_loses_no_request_answered_ok_and_the_outboxes_drain()
    {
        var officer = await _api.OfficerTokenAsync();
        var organizations = await _api.OrganizationsAsync(8, "Outage Watch");

        await system.RabbitMqCtlAsync("stop_app");
        var clock = Stopwatch.StartNew();
        var answeredOk = new List<(User User, string Application)>();
        var failed = 0;
        var pendingAtRestart = 0;
        try
        {
            // Load for the whole outage: a dialogue, then every organization applies and is screened.
            while (clock.Elapsed < Outage)
            {
                var dialogue = (await _api.CreateDialogueAsync(officer)).DialogueId;
                failed += await _api.ApplyAndScreenAsync(officer, organizations, dialogue, answeredOk);
            }
        }
        finally
        {
            pendingAtRestart = await Accounting.PendingAsync(system);
            await system.RabbitMqCtlAsync("start_app");
            output.WriteLine($"outage {clock.Elapsed.TotalSeconds:F0} s; outbox rows pending when RabbitMQ came back: {pendingAtRestart}");
            Console.WriteLine($"[outage test] outage {clock.Elapsed.TotalSeconds:F0} s, outbox rows pending at restart {pendingAtRestart}");
        }
        Assert.True(pendingAtRestart > 0, "the outage held events back in the outboxes");
        var drain = Stopwatch.StartNew();

        var accounting = await Accounting.SettledAsync(system, seconds: 120);
        output.WriteLine($"{answeredOk.Count} applications submitted and screened with OK answers during the outage, {failed} calls failed; drained in {drain.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(accounting.ToString());
        Console.WriteLine($"[outage test] {answeredOk.Count} applications answered OK during the outage, {failed} failed, drained in {drain.Elapsed.TotalSeconds:F1} s; {accounting}");
        Assert.True(answeredOk.Count >= 20, $"only {answeredOk.Count} requests during the outage");
        Assert.Equal(0, failed); // the API does not depend on the broker
        Assert.True(accounting.Balanced, accounting.ToString());

        // Each answered request's events crossed the broker afterwards: the received and eligible notices exist.
        var noticed = (await system.QueryAsync("notifications",
                "SELECT \"ApplicationId\", \"Kind\" FROM \"Notices\" WHERE \"Kind\" IN ('application-received', 'application-eligible') AND \"ApplicationId\" IS NOT NULL",
                r => (Id: Accounting.Id(r, 0), Kind: r.GetString(1))))
            .ToHashSet();
        Assert.All(answeredOk, a =>
        {
            Assert.Contains((a.Application.ToUpperInvariant(), "application-received"), noticed);
            Assert.Contains((a.Application.ToUpperInvariant(), "application-eligible"), noticed);
        });
    }
}
