using System.Diagnostics;
using Accreditation.Bench.Load;
using Accreditation.Bench.Report;
using Accreditation.Bench.Target;
using Grpc.Core;
using ObjectionsV1 = Accreditation.Objections.V1;

namespace Accreditation.Bench;

/// <summary>
/// N applications to one dialogue created, screened and circulated, K (a tenth) objected to by a
/// State, then the deadline passes: how long until every application is decided (the dialogue's
/// statistics) and until every organization notice is in its inbox (the users' unread counts).
/// </summary>
public static class PipelineScenario
{
    /// <summary>An organization's notices for one application that goes the whole way: received, eligible, circulated, decided.</summary>
    const int NoticesPerApplication = 4;

    public static async Task RunAsync(BenchContext context, BenchResult result)
    {
        var ct = context.Cancellation;
        var api = context.Api;
        var n = context.Args.Size ?? 1000;
        var k = Math.Max(1, n / 10);
        var clients = context.Args.Clients?[0] ?? 64;
        using var channels = new Channels(context.System.GatewayGrpc, Math.Max(1, clients / 8));
        var invokers = Enumerable.Range(0, clients).Select(i => channels.For(i).CreateCallInvoker()).ToArray();

        context.Progress($"setting up: {n} organizations, one dialogue");
        var officer = await api.ClientTokenAsync("secretariat-officer");
        var austria = await api.ClientTokenAsync("state-aut");
        var dialogue = await api.CreateDialogueAsync(officer, $"pipeline benchmark {n}", ct);
        var users = new OrganizationUser[Math.Min(8, n)];
        await Api.ForEachAsync(Enumerable.Range(0, users.Length), 8, async (i, c) => users[i] = await api.SignUpAsync($"pipeline{i}", c), ct);
        var organizations = new string[n];
        result.Add(await LoadRunner.RunAsync($"CreateOrganization via the gateway, {clients} clients", clients, new Stop.Items(n), async (worker, i, c) =>
            organizations[i] = (await api.CreateOrganizationAsync(users[i % users.Length], $"Pipeline Organization {i}", c, invokers[worker])).OrganizationId,
            context.HostMemory, ct));
        // Notices the users already have (none expected; counted so the total below is exact).
        var before = await UnreadAsync(api, users, ct);

        var applications = new string[n];
        context.Progress($"{n} submissions, then {n} screenings");
        result.Add(await LoadRunner.RunAsync($"SubmitApplication via the gateway, {clients} clients", clients, new Stop.Items(n), async (worker, i, c) =>
            applications[i] = (await api.SubmitAsync(users[i % users.Length], organizations[i], dialogue.DialogueId, c, invokers[worker])).ApplicationId,
            context.HostMemory, ct));
        var screening = await LoadRunner.RunAsync($"ScreenApplication (eligible) via the gateway, {clients} clients", clients, new Stop.Items(n), (worker, i, c) =>
            api.ScreenEligibleAsync(officer, applications[i], c, invokers[worker]), context.HostMemory, ct);
        result.Add(screening);

        // Long enough to file the objections at about the screening rate, after the circulation has reached Objections.
        var window = TimeSpan.FromSeconds(context.Args.Window ?? Math.Max(10, 5 + n / 2000.0 + 3 * k / Math.Max(1, screening.PerSecond)));
        var circulating = Stopwatch.StartNew();
        var deadline = DateTimeOffset.UtcNow + window;
        var circulation = await api.CirculateAsync(officer, dialogue.DialogueId, deadline, ct);
        result.Fact($"CirculateApplications of {n} (one call)", circulating.Elapsed.TotalSeconds, "s", circulation.CirculatedApplicationIds.Count == n);
        context.Progress($"circulated with a {window.TotalSeconds:0} s window; {k} objections by one State");

        var objections = new ObjectionsV1.ObjectionService.ObjectionServiceClient[clients];
        var notYetCirculated = 0L;
        result.Add(await LoadRunner.RunAsync($"FileObjection via the gateway, {clients} clients", clients, new Stop.Items(k), async (worker, i, c) =>
        {
            var request = new ObjectionsV1.FileObjectionRequest { ApplicationId = applications[i], Grounds = "Benchmark objection" };
            while (true)
            {
                try
                {
                    await (objections[worker] ??= new(invokers[worker])).FileObjectionAsync(request, Api.Bearer(austria).WithCancellationToken(c));
                    return;
                }
                // The circulation travels to Objections as an event: an applicant may not be there yet.
                catch (RpcException e) when (e.StatusCode == StatusCode.NotFound && DateTimeOffset.UtcNow < deadline)
                {
                    Interlocked.Increment(ref notYetCirculated);
                    await Task.Delay(50, c);
                }
            }
        }, context.HostMemory, ct));
        result.Fact("objections filed before the deadline", DateTimeOffset.UtcNow < deadline ? 1 : 0, "(1 = yes; else raise --window)", DateTimeOffset.UtcNow < deadline);
        result.Fact("objection attempts that found the applicant not yet circulated (retried)", notYetCirculated, "calls");

        var sincePoll = deadline - DateTimeOffset.UtcNow;
        if (sincePoll > TimeSpan.Zero)
            await Task.Delay(sincePoll, ct);
        context.Progress("deadline passed; waiting for every decision and every notice");
        // What Notifications still owed of the earlier events when the deadline came (a backlog, not the window's work).
        result.Fact("organization notices already in their inboxes at the deadline", await UnreadAsync(api, users, ct) - before, "notices");
        // Long enough to see where a slow build ends; a fact that never comes is reported, not thrown.
        var limit = TimeSpan.FromSeconds(Math.Max(300, n / 50.0));
        var (decidedSeconds, statistics, decided) = await UntilAsync(() => api.StatisticsAsync(officer, dialogue.DialogueId, ct), s => s.Decided >= n, deadline, limit, ct);
        // Not every notice can be in before every decision is: the users' counts are polled from then
        // on only, not competing with the decisions for the host's two cores.
        var expected = before + NoticesPerApplication * n;
        var (noticeSeconds, notices, noticed) = await UntilAsync(() => UnreadAsync(api, users, ct), total => total >= expected, deadline, limit, ct);
        result.Fact(decided ? $"every one of {n} applications decided, after the deadline" : $"NOT every application decided within {limit.TotalSeconds:0} s: decided",
            decided ? decidedSeconds : statistics.Decided, decided ? "s" : "applications", decided);
        result.Fact(noticed ? $"every organization notice ({expected - before}) in its inbox, after the deadline" : $"NOT every notice in its inbox within {limit.TotalSeconds:0} s: in inboxes",
            noticed ? Math.Max(noticeSeconds, decidedSeconds) : notices - before, noticed ? "s" : "notices", noticed);
        result.Fact($"admitted (expected {n - k})", statistics.Admitted, "applications", statistics.Admitted == n - k);
        result.Fact($"not admitted (expected {k})", statistics.NotAdmitted, "applications", statistics.NotAdmitted == k);
        // What each poll cost the host at the end: the statistics over every application, and one user's unread count
        // (a member of n / 8 organizations), each the median of three calls, the system otherwise at rest.
        result.Fact($"one GetDialogueStatistics of {n} applications (median of 3)", await MedianMillisecondsAsync(() => api.StatisticsAsync(officer, dialogue.DialogueId, ct)), "ms");
        result.Fact($"one unread count of a member of {n / users.Length} organizations (median of 3)", await MedianMillisecondsAsync(() => api.UnreadAsync(users[0].Token, ct)), "ms");
        result.Fact("resident memory of the host at the end", context.System.Host?.ResidentMemory().Current ?? 0, "MB");
        result.Notes.Add($"times are from the deadline (server clock = this machine's) to the first poll (every 200 ms, or four times as long as the last poll took; the notices from the moment every application is decided) that saw the fact; Objections polls deadlines every Objections:DeadlinePollInterval (default 1 s).");
        result.Notes.Add($"notices counted: the {NoticesPerApplication} an organization gets per application (received, eligible, circulated, decided), through its users' unread counts; the ratio time(100,000) / time(10,000) is read across two runs.");
    }

    /// <summary>A probe waits this many times as long as it took before the next one.</summary>
    const int PollDuty = 4;

    /// <summary>Polls every 200 ms (or four times as long as the last poll took) until the fact holds or the limit passes: seconds since the deadline, the last value, whether it held.</summary>
    static async Task<(double Seconds, T Last, bool Held)> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> holds, DateTimeOffset deadline, TimeSpan limit, CancellationToken ct)
    {
        var giveUp = DateTimeOffset.UtcNow + limit;
        while (true)
        {
            var started = DateTimeOffset.UtcNow;
            var value = await probe();
            if (holds(value) || DateTimeOffset.UtcNow > giveUp)
                return ((DateTimeOffset.UtcNow - deadline).TotalSeconds, value, holds(value));
            // A probe that costs the host time (the figures of 100,000 applications, eight users' counts
            // over 50,000 notices each) takes a fifth of the time at most: polled at half the time, it
            // was half of the host's busy time in a profile of the phases it measures.
            var took = DateTimeOffset.UtcNow - started;
            var pause = PollDuty * took;
            await Task.Delay(pause > TimeSpan.FromMilliseconds(200) ? pause : TimeSpan.FromMilliseconds(200), ct);
        }
    }

    static async Task<double> MedianMillisecondsAsync<T>(Func<Task<T>> call)
    {
        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            await call();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return Statistics.Median(times);
    }

    static async Task<int> UnreadAsync(Api api, IEnumerable<OrganizationUser> users, CancellationToken ct)
    {
        var counts = await Task.WhenAll(users.Select(u => api.UnreadAsync(u.Token, ct)));
        return counts.Sum();
    }
}
