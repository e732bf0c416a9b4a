using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Xunit.Abstractions;
using ObjectionsV1 = Accreditation.Objections.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.DistributedTests.Infrastructure;

/// <summary>
/// Section 6 of the design under SIGKILL, for any topology: 300 applications are screened,
/// circulated with a short window, objected to and decided while a killer SIGKILLs processes at
/// random moments (and right after a circulation is answered OK, where the standalone topology once
/// lost its events) and starts them again. Afterwards every application is decided, every event
/// reached every subscriber once in effect, nothing was applied or written twice, and the ledger
/// is one verified chain. <paramref name="afterKills"/> waits for restarts still under way.
/// </summary>
public sealed class CrashScenario(ISystemUnderTest system, ITestOutputHelper output, string label,
    Func<int, Task<string>> killAndRestart, int minimumKills = 20, Func<Task>? afterKills = null)
{
    const int OrganizationCount = 30;
    const int DialogueCount = 10;
    readonly Api _api = new(system);

    public async Task RunAsync()
    {
        var clock = Stopwatch.StartNew();
        var officer = await _api.OfficerTokenAsync();
        var austria = await _api.StateTokenAsync("AUT");
        var dialogues = new List<string>();
        for (var i = 0; i < DialogueCount; i++)
            dialogues.Add((await _api.CreateDialogueAsync(officer)).DialogueId);
        var organizations = await ParallelAsync(Enumerable.Range(0, OrganizationCount), 4, async i =>
        {
            var user = await _api.SignUpAsync();
            return (User: user, Id: (await _api.CreateOrganizationAsync(user, $"Crash Test Network {i}")).OrganizationId);
        });
        var applications = (await ParallelAsync(organizations, 4, async org =>
        {
            var submitted = new List<(string Dialogue, string Application)>();
            foreach (var dialogue in dialogues)
                submitted.Add((dialogue, (await _api.ApplyAsync(org.User, org.Id, dialogue)).ApplicationId));
            return submitted;
        })).SelectMany(a => a).ToList();

        // The killer: at a random moment, or 0-40 ms after a circulation was answered OK.
        using var workDone = new CancellationTokenSource();
        using var circulated = new SemaphoreSlim(0);
        var kills = 0;
        var victims = new List<string>();
        var killer = Task.Run(async () =>
        {
            while (kills < minimumKills || !workDone.IsCancellationRequested)
            {
                if (await circulated.WaitAsync(Random.Shared.Next(1000, 4000)))
                    await Task.Delay(Random.Shared.Next(0, 40));
                victims.Add(await killAndRestart(kills));
                kills++;
            }
        });

        var objected = new ConcurrentBag<string>();
        try
        {
            foreach (var dialogue in dialogues)
            {
                var ofDialogue = applications.Where(a => a.Dialogue == dialogue).Select(a => a.Application).ToList();
                // A retry of a screening that had committed finds it Eligible already.
                await ParallelAsync(ofDialogue, 4, id => Api.PersistAsync(async () => { await _api.ScreenEligibleAsync(officer, id); return true; },
                    ex => ex.StatusCode == StatusCode.FailedPrecondition));
                await Api.PersistAsync(() => _api.CirculateAsync(officer, dialogue, DateTimeOffset.UtcNow.AddSeconds(20)),
                    ex => ex.StatusCode == StatusCode.FailedPrecondition);
                circulated.Release();
                // Austria objects to every fourth applicant; only objections answered OK count.
                await ParallelAsync(ofDialogue.Where((_, i) => i % 4 == 0), 4, async id =>
                {
                    if (await TryObjectAsync(austria, id))
                        objected.Add(id);
                    return true;
                });
            }
        }
        finally
        {
            workDone.Cancel();
            await killer;
            if (afterKills is not null)
                await afterKills();
        }

        var ids = applications.Select(a => a.Application.ToUpperInvariant()).ToHashSet();
        var decided = await Api.EventuallyAsync(async () => (await system.QueryAsync("registration",
                "SELECT \"Id\", \"State\" FROM \"Applications\" WHERE \"State\" IN ('Admitted', 'NotAdmitted')", r => (Id: Accounting.Id(r, 0), State: r.GetString(1))))
                .Where(a => ids.Contains(a.Id)).ToList(),
            d => d.Count == applications.Count, $"all {applications.Count} applications to be decided", seconds: 120);
        var accounting = await Accounting.SettledAsync(system);
        var decisionNotices = await Api.EventuallyAsync(() => system.QueryAsync("notifications",
                "SELECT \"ApplicationId\", COUNT(*) FROM \"Notices\" WHERE \"Kind\" IN ('application-admitted', 'application-not-admitted') GROUP BY \"ApplicationId\"",
                r => (Id: Accounting.Id(r, 0), Count: Accounting.Count(r, 1))),
            n => ids.IsSubsetOf(n.Select(x => x.Id)), "every organization's decision notice");
        var summary = $"{applications.Count} applications, {kills} kills ({label}: {string.Join(", ", victims.GroupBy(v => v).Select(g => $"{g.Key} {g.Count()}"))}), " +
            $"{objected.Count} objections answered OK, {decisionNotices.Count(n => ids.Contains(n.Id))} decision notices, " +
            $"{accounting.Accepted} event deliveries, {accounting.DuplicatesIgnored} redeliveries suppressed by the inboxes, {clock.Elapsed.TotalSeconds:F0} s";
        output.WriteLine(summary);
        output.WriteLine(accounting.ToString());
        Console.WriteLine($"[crash test, {label}] {summary}; {accounting}");

        Assert.True(kills >= minimumKills);
        Assert.True(accounting.Balanced, accounting.ToString());
        Assert.Equal(0, accounting.InErrorQueues);
        // Every objection answered OK stands (an attempt whose answer was lost with the process may stand too):
        // under EXCLUDE exactly the applicants with a standing objection are not admitted.
        var standing = (await system.QueryAsync("objections",
            "SELECT \"ApplicationId\" FROM \"Objections\" WHERE \"WithdrawnAt\" IS NULL", r => Accounting.Id(r, 0))).ToHashSet();
        Assert.True(objected.Select(id => id.ToUpperInvariant()).ToHashSet().IsSubsetOf(standing));
        Assert.All(decided, a => Assert.Equal(standing.Contains(a.Id) ? "NotAdmitted" : "Admitted", a.State));

        // No second effect: one transition per step, one window closure in the ledger, one notice per event and recipient.
        var transitions = await system.QueryAsync("registration",
            "SELECT \"ApplicationId\", \"To\", COUNT(*) FROM \"StatusChanges\" GROUP BY \"ApplicationId\", \"To\"", r => (Id: Accounting.Id(r, 0), To: r.GetString(1), Count: Accounting.Count(r, 2)));
        Assert.All(transitions.Where(t => ids.Contains(t.Id)), t => Assert.Equal(1, t.Count));
        Assert.Equal(applications.Count * 4, transitions.Count(t => ids.Contains(t.Id))); // Submitted, Eligible, Circulated, decided
        var closures = await system.QueryAsync("registration",
            "SELECT \"ApplicationId\", COUNT(*) FROM \"LedgerEntries\" WHERE \"Kind\" = 'window-closed' GROUP BY \"ApplicationId\"", r => (Id: Accounting.Id(r, 0), Count: Accounting.Count(r, 1)));
        Assert.Equal(applications.Count, closures.Count(c => ids.Contains(c.Id)));
        Assert.All(closures, c => Assert.Equal(1, c.Count));
        var repeatedNotices = await system.QueryAsync("notifications",
            "SELECT \"SourceMessageId\", \"Recipient\", \"Kind\", \"ApplicationId\", COUNT(*) FROM \"Notices\" " +
            "GROUP BY \"SourceMessageId\", \"Recipient\", \"Kind\", \"ApplicationId\" HAVING COUNT(*) > 1", r => Accounting.Id(r, 0));
        Assert.Empty(repeatedNotices);
        Assert.All(decisionNotices.Where(n => ids.Contains(n.Id)), n => Assert.Equal(1, n.Count));
        var inObjections = await system.QueryAsync("objections", "SELECT \"ApplicationId\" FROM \"Applicants\"", r => Accounting.Id(r, 0));
        Assert.True(ids.IsSubsetOf(inObjections));

        await AssertOneVerifiedChainAsync();
    }

    /// <summary>
    /// The ledger is one linear history however many processes appended to it: sequences 1..N
    /// without gap or repeat, each entry naming the one before, and the service's own verification
    /// (hashes, Merkle root) passes.
    /// </summary>
    async Task AssertOneVerifiedChainAsync()
    {
        var chain = await system.QueryAsync("registration",
            "SELECT \"Sequence\", \"PreviousHash\", \"Hash\" FROM \"LedgerEntries\" ORDER BY \"Sequence\"",
            r => (Sequence: Convert.ToInt64(r.GetValue(0)), Previous: r.GetString(1), Hash: r.GetString(2)));
        Assert.Equal(Enumerable.Range(1, chain.Count).Select(i => (long)i), chain.Select(e => e.Sequence));
        Assert.All(chain.Skip(1).Zip(chain), pair => Assert.Equal(pair.Second.Hash, pair.First.Previous));
        var auditor = await _api.ClientTokenAsync("secretariat-auditor");
        var verified = await new RegistrationV1.LedgerService.LedgerServiceClient(system.Grpc)
            .VerifyLedgerAsync(new RegistrationV1.VerifyLedgerRequest(), Api.Bearer(auditor));
        Assert.True(verified.Ok, $"{verified.Problem} at entry {verified.EntrySequence}: {verified.Message}");
        Assert.Equal(chain.Count, verified.Count);
        output.WriteLine($"ledger: {chain.Count} entries, one chain, verified");
    }

    /// <summary>Files an objection once the circulation has reached Objections; false if the window closed first.</summary>
    async Task<bool> TryObjectAsync(string token, string applicationId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var retried = false;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await _api.Objections.FileObjectionAsync(new ObjectionsV1.FileObjectionRequest { ApplicationId = applicationId, Grounds = "Out of scope" }, Api.Bearer(token));
                return true;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists && retried)
            {
                return true; // the first attempt committed; its answer was lost with the process
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition && ex.Status.Detail.Contains("closed"))
            {
                return false; // Objections was down until the deadline passed
            }
            catch (RpcException ex) when (ex.StatusCode is not (StatusCode.InvalidArgument or StatusCode.PermissionDenied))
            {
                retried = true; // not circulated there yet, or the process is down
                await Task.Delay(200);
            }
        }
        return false;
    }

    static async Task<List<TResult>> ParallelAsync<T, TResult>(IEnumerable<T> items, int degree, Func<T, Task<TResult>> work)
    {
        var results = new ConcurrentBag<(int Index, TResult Result)>();
        await Parallel.ForEachAsync(items.Select((item, index) => (item, index)), new ParallelOptions { MaxDegreeOfParallelism = degree },
            async (entry, _) => results.Add((entry.index, await work(entry.item))));
        return results.OrderBy(r => r.Index).Select(r => r.Result).ToList();
    }
}
