using System.Collections.Concurrent;
using System.Diagnostics;
using Accreditation.Bench.Load;
using Accreditation.Bench.Report;
using Accreditation.Bench.Target;
using Accreditation.Registration.Domain.Statistics;
using Grpc.Core;
using StateClients = Accreditation.Identity.V1;
using ObjectionsV1 = Accreditation.Objections.V1;

namespace Accreditation.Bench;

/// <summary>
/// About 190 States parties, each with its own API client, file against one circulated application
/// in the last part of its window; a tenth of them only after the deadline. None on time may be
/// refused, none late accepted; the ledger's figures then count exactly the on-time States.
/// </summary>
public static class BurstScenario
{
    /// <summary>
    /// Calls are sent this far from the deadline (a tenth of the window, at least half a second), so a
    /// call's travel time on a loaded machine cannot put it on the other side.
    /// </summary>
    static TimeSpan MarginFor(TimeSpan window) => TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(500).Ticks, window.Ticks / 10));

    public static async Task RunAsync(BenchContext context, BenchResult result)
    {
        var ct = context.Cancellation;
        var api = context.Api;
        var states = context.Args.Size ?? 190;
        var late = Math.Max(1, states / 10);
        var onTime = states - late;

        var codes = Enum.GetValues<RegionalGroup>().SelectMany(RegionalGroups.Members).Append("EUU")
            .Except(context.System.Credentials.Clients.Select(c => c.State).OfType<string>()).Order(StringComparer.Ordinal).Take(states).ToList();
        if (codes.Count < states)
            throw new ArgumentException($"At most {codes.Count} States parties without a client are known.");
        context.Progress($"setting up: {states} State clients and their tokens, one circulated application");
        var officer = await api.ClientTokenAsync("secretariat-officer");
        var tokens = new ConcurrentDictionary<string, Token>();
        var clients = new StateClients.StateClientService.StateClientServiceClient(api.Grpc);
        await Api.ForEachAsync(codes, 8, async (code, c) =>
        {
            var created = await clients.CreateStateClientAsync(new StateClients.CreateStateClientRequest { StateCode = code }, Api.Bearer(officer).WithCancellationToken(c));
            tokens[code] = await api.ClientTokenAsync(created.Client.ClientId, created.ClientSecret);
        }, ct);

        var dialogue = await api.CreateDialogueAsync(officer, "objection burst benchmark", ct);
        var user = await api.SignUpAsync("burst", ct);
        var organization = await api.CreateOrganizationAsync(user, "Burst Benchmark Network", ct);
        var application = await api.SubmitAsync(user, organization.OrganizationId, dialogue.DialogueId, ct);
        await api.ScreenEligibleAsync(officer, application.ApplicationId, ct);
        var window = TimeSpan.FromSeconds(context.Args.Window ?? 15);
        var margin = MarginFor(window);
        var deadline = DateTimeOffset.UtcNow + window;
        await api.CirculateAsync(officer, dialogue.DialogueId, deadline, ct);
        var first = tokens[codes[0]];
        await Api.EventuallyAsync(async () => (await api.Circulations().ListCirculatedApplicantsAsync(
                new ObjectionsV1.ListCirculatedApplicantsRequest { DialogueId = dialogue.DialogueId }, Api.Bearer(first).WithCancellationToken(ct))).Applicants.Count,
            count => count == 1, "the circulated applicant to reach Objections", TimeSpan.FromSeconds(30));

        // The on-time States spread over the last 60% of the window (the "last minute"), up to the margin; the late ones just after it.
        var spreadStart = DateTimeOffset.UtcNow > deadline - window * 0.6 ? DateTimeOffset.UtcNow : deadline - window * 0.6;
        var spread = deadline - margin - spreadStart;
        if (spread <= TimeSpan.Zero)
            throw new InvalidOperationException($"The window ({window.TotalSeconds} s) was used up by the set-up; raise --window.");
        context.Progress($"{onTime} States file over the last {spread.TotalSeconds:0.0} s before the deadline, {late} within a second after it");
        using var channels = new Channels(context.System.GatewayGrpc, Math.Max(1, states / 16));
        var latencies = new ConcurrentBag<(bool OnTime, long Ticks, StatusCode Status)>();
        var request = new ObjectionsV1.FileObjectionRequest { ApplicationId = application.ApplicationId, Grounds = "Filed in the last minute" };
        var filings = codes.Select((code, i) => Task.Run(async () =>
        {
            var isOnTime = i < onTime;
            var at = isOnTime ? spreadStart + spread * (i / (double)Math.Max(1, onTime - 1)) : deadline + margin + TimeSpan.FromMilliseconds(500.0 * (i - onTime) / late);
            var wait = at - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, ct);
            var client = new ObjectionsV1.ObjectionService.ObjectionServiceClient(channels.For(i));
            var started = Stopwatch.GetTimestamp();
            var status = StatusCode.OK;
            try
            {
                await client.FileObjectionAsync(request, Api.Bearer(tokens[code]).WithCancellationToken(ct));
            }
            catch (RpcException e)
            {
                status = e.StatusCode;
            }
            latencies.Add((isOnTime, Stopwatch.GetTimestamp() - started, status));
        }, ct)).ToArray();
        await Task.WhenAll(filings);

        result.Add(RowOf("FileObjection on time (last part of the window)", latencies.Where(l => l.OnTime).ToList(), StatusCode.OK));
        result.Add(RowOf("FileObjection after the deadline (refusal expected)", latencies.Where(l => !l.OnTime).ToList(), StatusCode.FailedPrecondition));
        var refusedOnTime = latencies.Count(l => l.OnTime && l.Status != StatusCode.OK);
        var acceptedLate = latencies.Count(l => !l.OnTime && l.Status == StatusCode.OK);
        result.Fact("on-time objections refused", refusedOnTime, "States", refusedOnTime == 0);
        result.Fact("late objections accepted", acceptedLate, "States", acceptedLate == 0);

        var statistics = await Api.EventuallyAsync(() => api.StatisticsAsync(officer, dialogue.DialogueId, ct), s => s.Decided == 1,
            "the application to be decided", TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200));
        result.Fact($"objecting States in the dialogue's figures (expected {onTime})", statistics.ObjectingStates, "States", statistics.ObjectingStates == onTime);
        result.Fact("application not admitted (EXCLUDE, standing objections)", statistics.NotAdmitted, "applications", statistics.NotAdmitted == 1);
        result.Notes.Add($"on-time calls are sent at least {margin.TotalMilliseconds} ms before the deadline and late ones at least as long after it (same machine, same clock); each State has its own API client and token.");
    }

    static Row RowOf(string target, IReadOnlyList<(bool OnTime, long Ticks, StatusCode Status)> calls, StatusCode expected)
    {
        var sorted = calls.Select(c => c.Ticks * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        double P(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        var unexpected = calls.Where(c => c.Status != expected).GroupBy(c => c.Status.ToString()).ToDictionary(g => g.Key, g => (long)g.Count());
        return new Row(target, calls.Count, calls.Count, unexpected.Values.Sum(), 0, 0, P(0.5), P(0.95), P(0.99), sorted.LastOrDefault(), unexpected, null)
        {
            Note = $"{calls.Count(c => c.Status == expected)} of {calls.Count} answered {expected}",
        };
    }
}
