using System.Net;
using System.Net.Http.Headers;
using Accreditation.Bench.Baseline;
using Accreditation.Bench.Echo;
using Accreditation.Bench.Load;
using Accreditation.Bench.Report;
using Grpc.Core;
using Grpc.Health.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.Bench;

/// <summary>
/// One authorized read, GetApplication, through the gateway (gRPC and JSON) and straight to
/// Registration, beside the echo baseline direct and through a bare YARP route; plus the
/// framework's floor inside Registration (its health check, and a refused invalid token).
/// </summary>
public static class ReadScenario
{
    public const string Baseline = "echo through a bare YARP route";

    public static async Task RunAsync(BenchContext context, BenchResult result)
    {
        var ct = context.Cancellation;
        var api = context.Api;
        var seconds = context.Args.Seconds ?? context.Args.Size ?? 10;
        var concurrency = context.Args.Clients?[0] ?? 128;
        // h2load's 16 connections x 8 streams: one connection per 8 concurrent calls.
        var connections = Math.Max(1, concurrency / 8);
        var stop = new Stop.After(TimeSpan.FromSeconds(Math.Clamp(seconds / 5, 0.2, 2)), TimeSpan.FromSeconds(seconds));

        context.Progress("setting up: an officer, a dialogue, an organization user and one submitted application");
        var officer = await api.ClientTokenAsync("secretariat-officer");
        var dialogue = await api.CreateDialogueAsync(officer, "read benchmark", ct);
        var user = await api.SignUpAsync("read", ct);
        var organization = await api.CreateOrganizationAsync(user, "Read Benchmark Network", ct);
        var application = await api.SubmitAsync(user, organization.OrganizationId, dialogue.DialogueId, ct);
        var get = new RegistrationV1.GetApplicationRequest { ApplicationId = application.ApplicationId };

        await using var echo = await EchoBaseline.StartAsync(ct);
        var targets = new List<(string Name, Func<Task<Row>> Run)>
        {
            ("echo, direct", () => Grpc("echo, direct", echo.Direct, (invoker, c) =>
                new EchoService.EchoServiceClient(invoker).EchoAsync(new EchoRequest { Text = "ping" }, Deadline(c)).ResponseAsync, null)),
            (Baseline, () => Grpc(Baseline, echo.Proxied, (invoker, c) =>
                new EchoService.EchoServiceClient(invoker).EchoAsync(new EchoRequest { Text = "ping" }, Deadline(c)).ResponseAsync, null)),
            ("GetApplication via the gateway (gRPC, bearer)", () => Grpc("GetApplication via the gateway (gRPC, bearer)", context.System.GatewayGrpc, (invoker, c) =>
                new RegistrationV1.ApplicationService.ApplicationServiceClient(invoker).GetApplicationAsync(get, Bearer(user.Token, c)).ResponseAsync, context.HostMemory)),
        };
        if (context.System.Registration is { } registration)
        {
            targets.Add(("GetApplication straight to Registration", () => Grpc("GetApplication straight to Registration", registration, (invoker, c) =>
                new RegistrationV1.ApplicationService.ApplicationServiceClient(invoker).GetApplicationAsync(get, Bearer(user.Token, c)).ResponseAsync, context.HostMemory)));
            targets.Add(("grpc.health.v1 Check, Registration direct", () => Grpc("grpc.health.v1 Check, Registration direct", registration, (invoker, c) =>
                new Health.HealthClient(invoker).CheckAsync(new HealthCheckRequest(), Deadline(c)).ResponseAsync, context.HostMemory)));
            targets.Add(("GetApplication, invalid token, direct (refused)", () => Grpc<bool>("GetApplication, invalid token, direct (refused)", registration, async (invoker, c) =>
            {
                try
                {
                    await new RegistrationV1.ApplicationService.ApplicationServiceClient(invoker).GetApplicationAsync(get, Bearer(user.Token.Value[..^4] + "AAAA", c));
                    throw new InvalidOperationException("An invalid token was accepted.");
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated) { return true; }
            }, context.HostMemory)));
        }
        else
            result.Notes.Add("no --registration address: the direct reads were not measured");
        targets.Add(("GET /v1/applications/{id} via the gateway (JSON, HTTP/1.1)", () => Json(context, user.Token, application.ApplicationId, connections, stop)));

        // The host's code is still being tiered up just after its start: warm every path before measuring any.
        var warming = TimeSpan.FromSeconds(Math.Clamp(seconds / 2, 0.2, 5));
        context.Progress($"warming the host for {warming.TotalSeconds:0.#} s (gRPC through the gateway and direct, JSON)");
        await Task.WhenAll(
            Warm(context.System.GatewayGrpc, (invoker, c) => new RegistrationV1.ApplicationService.ApplicationServiceClient(invoker).GetApplicationAsync(get, Bearer(user.Token, c)).ResponseAsync),
            context.System.Registration is { } direct
                ? Warm(direct, (invoker, c) => new RegistrationV1.ApplicationService.ApplicationServiceClient(invoker).GetApplicationAsync(get, Bearer(user.Token, c)).ResponseAsync)
                : Task.CompletedTask,
            Json(context, user.Token, application.ApplicationId, 2, new Stop.After(warming, TimeSpan.Zero)));

        foreach (var (name, run) in targets.Where(t => context.Args.Only is null || context.Args.Only.Split(',').Any(only => t.Name.Contains(only, StringComparison.OrdinalIgnoreCase))))
        {
            context.Progress($"{name}: {stop.Warmup.TotalSeconds:0.#} s warm-up, {seconds} s measured, {concurrency} concurrent calls over {connections} connections");
            result.Add(await run());
        }
        result.RelateTo(Baseline);
        result.Notes.Add($"gRPC targets: {concurrency} concurrent calls over {connections} HTTP/2 connections; JSON: {connections} HTTP/1.1 connections, one call each at a time.");
        result.Notes.Add("the echo baseline and its YARP route run inside the bench process (with the load generator); host RSS is the standalone host's.");

        async Task Warm<T>(Uri address, Func<CallInvoker, CancellationToken, Task<T>> call)
        {
            using var channels = new Channels(address, 2);
            await LoadRunner.RunAsync("warm-up", 16, new Stop.After(warming, TimeSpan.Zero), (worker, _, c) => call(channels.For(worker).CreateCallInvoker(), c), null, ct);
        }

        async Task<Row> Grpc<T>(string name, Uri address, Func<CallInvoker, CancellationToken, Task<T>> call, HostGauges? memory)
        {
            using var channels = new Channels(address, connections);
            var invokers = Enumerable.Range(0, concurrency).Select(i => channels.For(i).CreateCallInvoker()).ToArray();
            return await LoadRunner.RunAsync(name, concurrency, stop, (worker, _, c) => call(invokers[worker], c), memory, ct);
        }
    }

    static async Task<Row> Json(BenchContext context, string token, string applicationId, int connections, Stop stop)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = context.System.GatewayHttp, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var path = $"/v1/applications/{applicationId}";
        return await LoadRunner.RunAsync("GET /v1/applications/{id} via the gateway (JSON, HTTP/1.1)", connections, stop, async (_, _, c) =>
        {
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, c);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new HttpStatusException(response.StatusCode);
        }, context.HostMemory, context.Cancellation);
    }

    static CallOptions Deadline(CancellationToken ct) => new(deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: ct);

    static CallOptions Bearer(string token, CancellationToken ct) =>
        new(new Metadata { { "Authorization", $"Bearer {token}" } }, DateTime.UtcNow.AddSeconds(30), ct);
}
