using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Accounts = Accreditation.Identity.V1;
using Inbox = Accreditation.Notifications.V1;
using ObjectionsV1 = Accreditation.Objections.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.Bench.Target;

/// <summary>An organization user as the portal has one: its subject and token.</summary>
public sealed record OrganizationUser(string Email, Token Token);

/// <summary>The steps scenarios repeat, each through the gateway as a user or the secretariat makes them.</summary>
public sealed class Api : IDisposable
{
    public const string Password = "Correct-Horse-42";

    public Api(SystemUnderTest system)
    {
        System = system;
        Http = new HttpClient { BaseAddress = system.GatewayHttp, Timeout = TimeSpan.FromSeconds(60) };
        Grpc = GrpcChannel.ForAddress(system.GatewayGrpc, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, UseProxy = false },
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        });
    }

    public SystemUnderTest System { get; }
    public HttpClient Http { get; }
    public GrpcChannel Grpc { get; }

    public static CallOptions Bearer(string token, double seconds = 60) =>
        new(new Metadata { { "Authorization", $"Bearer {token}" } }, DateTime.UtcNow.AddSeconds(seconds));

    public RegistrationV1.DialogueService.DialogueServiceClient Dialogues(CallInvoker? on = null) => new(on ?? Grpc.CreateCallInvoker());
    public RegistrationV1.OrganizationService.OrganizationServiceClient Organizations(CallInvoker? on = null) => new(on ?? Grpc.CreateCallInvoker());
    public RegistrationV1.ApplicationService.ApplicationServiceClient Applications(CallInvoker? on = null) => new(on ?? Grpc.CreateCallInvoker());
    public RegistrationV1.SecretariatService.SecretariatServiceClient Secretariat(CallInvoker? on = null) => new(on ?? Grpc.CreateCallInvoker());
    public ObjectionsV1.ObjectionService.ObjectionServiceClient Objections(CallInvoker? on = null) => new(on ?? Grpc.CreateCallInvoker());
    public ObjectionsV1.CirculationService.CirculationServiceClient Circulations(CallInvoker? on = null) => new(on ?? Grpc.CreateCallInvoker());
    public Inbox.InboxService.InboxServiceClient Inbox(CallInvoker? on = null) => new(on ?? Grpc.CreateCallInvoker());

    public Task<Token> ClientTokenAsync(string clientId)
    {
        var client = System.Credentials.Clients.Single(c => c.ClientId == clientId);
        return ClientTokenAsync(client.ClientId, client.ClientSecret);
    }

    public Task<Token> ClientTokenAsync(string clientId, string secret) => Token.IssueAsync(() => TokenAsync(new()
    {
        ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
    }));

    public async Task<OrganizationUser> SignUpAsync(string label, CancellationToken ct)
    {
        var email = $"bench-{label}-{Guid.NewGuid():N}@example.org";
        await new Accounts.AccountService.AccountServiceClient(Grpc).SignUpAsync(new Accounts.SignUpRequest
        {
            Email = email, Password = Password, DisplayName = "Bench user", Language = "en",
        }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: ct));
        return new OrganizationUser(email, await Token.IssueAsync(() => TokenAsync(new()
        {
            ["grant_type"] = "password", ["client_id"] = "portal", ["username"] = email, ["password"] = Password,
        })));
    }

    async Task<string> TokenAsync(Dictionary<string, string> form)
    {
        using var response = await Http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode
            ? body.GetProperty("access_token").GetString()!
            : throw new InvalidOperationException($"Token request for {form["client_id"]} failed: {body}");
    }

    public async Task<RegistrationV1.Dialogue> CreateDialogueAsync(string officer, string session, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        return (await Dialogues().CreateDialogueAsync(new RegistrationV1.CreateDialogueRequest
        {
            WorkingGroup = "Working Group on Smuggling of Migrants",
            Session = session,
            Date = now.AddDays(60).ToString("yyyy-MM-dd"),
            Venue = "Vienna and online",
            RegistrationClosesAt = Timestamp.FromDateTimeOffset(now.AddDays(30)),
            ObjectionPeriodDays = 14,
            InPersonCapacity = 40,
            Policy = new RegistrationV1.DialoguePolicy
            {
                Circulation = RegistrationV1.CirculationPolicy.All,
                ObjectionEffect = RegistrationV1.ObjectionEffect.Exclude,
                RepresentativesPerOrganization = 2,
            },
        }, Bearer(officer).WithCancellationToken(ct))).Dialogue;
    }

    public static RegistrationV1.CreateOrganizationRequest Organization(string name) => new()
    {
        Name = name,
        Acronym = "BENCH",
        Category = RegistrationV1.StakeholderCategory.Ngo,
        Country = "KEN",
        EcosocStatus = RegistrationV1.EcosocStatus.None,
        Website = "https://example.org",
        AreasOfWork = { "migrant smuggling" },
    };

    public async Task<RegistrationV1.Organization> CreateOrganizationAsync(OrganizationUser user, string name, CancellationToken ct, CallInvoker? on = null) =>
        (await Organizations(on).CreateOrganizationAsync(Organization(name), Bearer(user.Token).WithCancellationToken(ct))).Organization;

    public async Task<RegistrationV1.Application> SubmitAsync(OrganizationUser user, string organizationId, string dialogueId, CancellationToken ct, CallInvoker? on = null) =>
        (await Applications(on).SubmitApplicationAsync(new RegistrationV1.SubmitApplicationRequest
        {
            OrganizationId = organizationId, DialogueId = dialogueId,
        }, Bearer(user.Token).WithCancellationToken(ct))).Application;

    public async Task ScreenEligibleAsync(string officer, string applicationId, CancellationToken ct, CallInvoker? on = null) =>
        await Secretariat(on).ScreenApplicationAsync(new RegistrationV1.ScreenApplicationRequest
        {
            ApplicationId = applicationId, Outcome = RegistrationV1.ScreeningOutcome.Eligible,
        }, Bearer(officer).WithCancellationToken(ct));

    public async Task<RegistrationV1.CirculateApplicationsResponse> CirculateAsync(string officer, string dialogueId, DateTimeOffset deadline, CancellationToken ct) =>
        await Secretariat().CirculateApplicationsAsync(new RegistrationV1.CirculateApplicationsRequest
        {
            DialogueId = dialogueId, Deadline = Timestamp.FromDateTimeOffset(deadline),
        }, Bearer(officer, 600).WithCancellationToken(ct));

    public async Task<RegistrationV1.DialogueStatistics> StatisticsAsync(string officer, string dialogueId, CancellationToken ct) =>
        (await Secretariat().GetDialogueStatisticsAsync(new RegistrationV1.GetDialogueStatisticsRequest { DialogueId = dialogueId },
            Bearer(officer).WithCancellationToken(ct))).Statistics;

    public async Task<int> UnreadAsync(string token, CancellationToken ct) =>
        (await Inbox().GetUnreadCountAsync(new Inbox.GetUnreadCountRequest(), Bearer(token).WithCancellationToken(ct))).Unread;

    /// <summary>Runs a setup step over many items with some concurrency (not measured).</summary>
    public static Task ForEachAsync<T>(IEnumerable<T> items, int concurrency, Func<T, CancellationToken, ValueTask> step, CancellationToken ct) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, step);

    /// <summary>Polls until a condition holds, with a deadline (events cross the bus in their own time).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> until, string what, TimeSpan limit, TimeSpan? every = null)
    {
        var giveUp = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await probe();
            if (until(value))
                return value;
            if (DateTime.UtcNow > giveUp)
                throw new TimeoutException($"Gave up waiting for {what} after {limit}; last value: {value}");
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(50));
        }
    }

    public void Dispose()
    {
        Grpc.Dispose();
        Http.Dispose();
    }
}
