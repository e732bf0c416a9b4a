using System.Diagnostics;
using Accreditation.DistributedTests.Infrastructure;
using Xunit.Abstractions;

namespace Accreditation.DistributedTests;

/// <summary>PostgreSQL crashes (pg_ctl restart -m immediate: no checkpoint, recovery from the WAL) under load.</summary>
[Collection(ReplicatedCollection.Name)]
public sealed class PostgreSqlRestartTests(ReplicatedSystem system, ITestOutputHelper output)
{
    readonly Api _api = new(system);

    [Fact]
    public async Task PostgreSql_restarted_immediately_under_load_loses_no_request_answered_ok_and_every_event_is_delivered()
    {
        var officer = await _api.OfficerTokenAsync();
        var organizations = await _api.OrganizationsAsync(8, "Database Crash Watch");

        var answeredOk = new List<(User User, string Application)>();
        var failed = 0;
        using var stop = new CancellationTokenSource();
        // Load before, during and after the restart: each organization applies to each new dialogue and is screened.
        var load = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                string dialogue;
                try { dialogue = (await _api.CreateDialogueAsync(officer)).DialogueId; }
                catch (Grpc.Core.RpcException) { Interlocked.Increment(ref failed); continue; }
                // A call that fails while the server is down was not answered OK: nothing is promised for it.
                Interlocked.Add(ref failed, await _api.ApplyAndScreenAsync(officer, organizations, dialogue, answeredOk));
            }
        });
        await Api.EventuallyAsync(() => Task.FromResult(answeredOk.Count), n => n >= 16, "load before the restart");
        var before = answeredOk.Count;
        var clock = Stopwatch.StartNew();
        await system.PgCtlAsync("restart", "-m", "immediate", "-w", "-t", "90");
        var outage = clock.Elapsed;
        await Api.EventuallyAsync(() => Task.FromResult(answeredOk.Count), n => n >= before + 24, "requests answered OK after the restart", seconds: 120);
        stop.Cancel();
        await load;

        var accounting = await Accounting.SettledAsync(system, seconds: 120);
        var summary = $"PostgreSQL restart (immediate) took {outage.TotalSeconds:F1} s; {answeredOk.Count} applications submitted and screened with OK answers " +
            $"({before} before the restart), {failed} calls failed meanwhile";
        output.WriteLine(summary);
        output.WriteLine(accounting.ToString());
        Console.WriteLine($"[postgres restart test] {summary}; {accounting}");
        Assert.True(accounting.Balanced, accounting.ToString());
        Assert.Equal(0, accounting.InErrorQueues);

        // Every answered request is in the database and its events crossed the broker: nothing the server had acknowledged was lost.
        var eligible = (await system.QueryAsync("registration", "SELECT \"Id\" FROM \"Applications\" WHERE \"State\" = 'Eligible'", r => Accounting.Id(r, 0))).ToHashSet();
        var noticed = (await system.QueryAsync("notifications",
                "SELECT \"ApplicationId\", \"Kind\" FROM \"Notices\" WHERE \"Kind\" IN ('application-received', 'application-eligible') AND \"ApplicationId\" IS NOT NULL",
                r => (Id: Accounting.Id(r, 0), Kind: r.GetString(1))))
            .ToHashSet();
        Assert.All(answeredOk, a =>
        {
            var id = a.Application.ToUpperInvariant();
            Assert.Contains(id, eligible);
            Assert.Contains((id, "application-received"), noticed);
            Assert.Contains((id, "application-eligible"), noticed);
        });
    }
}
