using System.Collections.Concurrent;
using Accreditation.Bench.Load;
using Accreditation.Bench.Report;
using Accreditation.Bench.Target;

namespace Accreditation.Bench;

/// <summary>
/// Submissions through the gateway (each one transaction: the application, its outbox row, its
/// ledger entry) with 1, 8 and 64 concurrent clients, then the same applications screened eligible
/// by the secretariat with as many. Every submission is a new (organization, dialogue) pair.
/// </summary>
public static class WriteScenario
{
    const int Organizations = 64;
    const int Users = 8;

    public static async Task RunAsync(BenchContext context, BenchResult result)
    {
        var ct = context.Cancellation;
        var api = context.Api;
        var perLevel = context.Args.Size ?? 1000;
        var levels = context.Args.Clients ?? [1, 8, 64];

        var organizations = Math.Min(Organizations, Math.Max(1, perLevel));
        var dialogueCount = (int)Math.Ceiling(perLevel * (double)levels.Count / organizations);
        context.Progress($"setting up: {Math.Min(Users, organizations)} users, {organizations} organizations, {dialogueCount} dialogues ({perLevel} submissions per client count)");
        var officer = await api.ClientTokenAsync("secretariat-officer");
        var users = new OrganizationUser[Math.Min(Users, organizations)];
        await Api.ForEachAsync(Enumerable.Range(0, users.Length), 8, async (i, c) => users[i] = await api.SignUpAsync($"write{i}", c), ct);
        var owned = new (OrganizationUser User, string Id)[organizations];
        await Api.ForEachAsync(Enumerable.Range(0, organizations), 16, async (i, c) =>
        {
            var user = users[i % users.Length];
            owned[i] = (user, (await api.CreateOrganizationAsync(user, $"Write Benchmark Organization {i}", c)).OrganizationId);
        }, ct);
        var dialogues = new string[dialogueCount];
        await Api.ForEachAsync(Enumerable.Range(0, dialogueCount), 16, async (i, c) =>
            dialogues[i] = (await api.CreateDialogueAsync(officer, $"write benchmark {i}", c)).DialogueId, ct);

        var pair = 0L;
        foreach (var clients in levels)
        {
            using var channels = new Channels(context.System.GatewayGrpc, Math.Max(1, clients / 8));
            var invokers = Enumerable.Range(0, clients).Select(i => channels.For(i).CreateCallInvoker()).ToArray();
            var submitted = new ConcurrentQueue<string>();
            var first = pair;
            context.Progress($"{perLevel} submissions with {clients} concurrent clients");
            result.Add(await LoadRunner.RunAsync($"SubmitApplication via the gateway, {clients} clients", clients, new Stop.Items(perLevel), async (worker, item, c) =>
            {
                var n = first + item;
                var (user, organizationId) = owned[n % organizations];
                var application = await api.SubmitAsync(user, organizationId, dialogues[n / organizations], c, invokers[worker]);
                submitted.Enqueue(application.ApplicationId);
            }, context.HostMemory, ct));
            pair += perLevel;

            var toScreen = submitted.ToArray();
            context.Progress($"{toScreen.Length} screenings with {clients} concurrent clients");
            result.Add(await LoadRunner.RunAsync($"ScreenApplication (eligible) via the gateway, {clients} clients", clients, new Stop.Items(toScreen.Length), (worker, item, c) =>
                api.ScreenEligibleAsync(officer, toScreen[item], c, invokers[worker]), context.HostMemory, ct));
        }

        var busy = result.Rows.Sum(r => r.ErrorsByKind.Where(e => e.Key.Contains("SQLITE_BUSY")).Sum(e => e.Value));
        result.Fact("SQLITE_BUSY surfaced to callers", busy, "calls", busy == 0);
        result.Notes.Add("each submission and each screening commits the application, its outbox row and its ledger entry in one SQLite transaction (Registration's file).");
        result.Notes.Add(context.Args.Settings.Count == 0
            ? "SQLite as the services set it (Data:Synchronous, FULL by default); compare in one session with --set Data:Synchronous=Normal."
            : $"host settings under test: {string.Join(", ", context.Args.Settings.Select(s => $"{s.Key}={s.Value}"))}");
    }
}
