using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Accounts = Accreditation.Identity.V1;
using InboxV1 = Accreditation.Notifications.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.DistributedTests.Infrastructure;

/// <summary>The public API through the gateway, and the steps the tests repeat.</summary>
public sealed class Api(ISystemUnderTest system) : GatewayClients(() => system.Grpc)
{

    public static CallOptions Bearer(string token) => Calls.Bearer(token);

    public Task<string> OfficerTokenAsync() => ClientTokenAsync("secretariat-officer");
    public Task<string> StateTokenAsync(string state) => ClientTokenAsync($"state-{state.ToLowerInvariant()}");

    public Task<string> ClientTokenAsync(string clientId) => TokenEndpoint.AccessTokenAsync(system.Http, new()
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = clientId,
        ["client_secret"] = system.Secrets[clientId],
    });

    public async Task<User> SignUpAsync()
    {
        var email = $"user-{Guid.NewGuid():N}@example.org";
        const string password = "Correct-Horse-42";
        var accounts = new Accounts.AccountService.AccountServiceClient(system.Grpc);
        await accounts.SignUpAsync(new Accounts.SignUpRequest { Email = email, Password = password, DisplayName = "Test user", Language = "en" },
            Calls.Anonymous);
        var token = await TokenEndpoint.AccessTokenAsync(system.Http, new() { ["grant_type"] = "password", ["client_id"] = "portal", ["username"] = email, ["password"] = password });
        return new User(email, token);
    }

    public async Task<RegistrationV1.Dialogue> CreateDialogueAsync(string officer) =>
        (await Dialogues.CreateDialogueAsync(new RegistrationV1.CreateDialogueRequest
        {
            WorkingGroup = "Working Group on Trafficking in Persons",
            Session = "fourteenth session",
            Date = DateTimeOffset.UtcNow.AddDays(60).ToString("yyyy-MM-dd"),
            Venue = "Vienna and online",
            RegistrationClosesAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(30)),
            ObjectionPeriodDays = 14,
            InPersonCapacity = 400,
            Policy = new RegistrationV1.DialoguePolicy
            {
                Circulation = RegistrationV1.CirculationPolicy.All,
                ObjectionEffect = RegistrationV1.ObjectionEffect.Exclude,
                RepresentativesPerOrganization = 2,
            },
        }, Bearer(officer))).Dialogue;

    public async Task<RegistrationV1.Organization> CreateOrganizationAsync(User user, string name) =>
        (await Organizations.CreateOrganizationAsync(new RegistrationV1.CreateOrganizationRequest
        {
            Name = name,
            Acronym = new string(name.Where(char.IsUpper).ToArray()),
            Category = RegistrationV1.StakeholderCategory.Ngo,
            Country = "KEN",
            EcosocStatus = RegistrationV1.EcosocStatus.None,
            Website = "https://example.org",
            AreasOfWork = { "victim support" },
        }, user.Call)).Organization;

    public async Task<RegistrationV1.Application> ApplyAsync(User user, string organizationId, string dialogueId) =>
        (await Applications.SubmitApplicationAsync(new RegistrationV1.SubmitApplicationRequest
        {
            OrganizationId = organizationId,
            DialogueId = dialogueId,
        }, user.Call)).Application;

    public Task ScreenEligibleAsync(string officer, string applicationId) =>
        Secretariat.ScreenApplicationAsync(new RegistrationV1.ScreenApplicationRequest
        {
            ApplicationId = applicationId,
            Outcome = RegistrationV1.ScreeningOutcome.Eligible,
        }, Bearer(officer)).ResponseAsync;

    public async Task<RegistrationV1.CirculateApplicationsResponse> CirculateAsync(string officer, string dialogueId, DateTimeOffset deadline) =>
        await Secretariat.CirculateApplicationsAsync(new RegistrationV1.CirculateApplicationsRequest
        {
            DialogueId = dialogueId,
            Deadline = Timestamp.FromDateTimeOffset(deadline),
        }, Bearer(officer));

    /// <summary>Organizations, each with its owner's account, created one after the other.</summary>
    public async Task<List<(User User, string Id)>> OrganizationsAsync(int count, string name)
    {
        var organizations = new List<(User User, string Id)>();
        for (var i = 0; i < count; i++)
        {
            var user = await SignUpAsync();
            organizations.Add((user, (await CreateOrganizationAsync(user, $"{name} {i}")).OrganizationId));
        }
        return organizations;
    }

    /// <summary>
    /// Every organization applies to the dialogue and is screened eligible; each application whose
    /// two calls were answered OK is added to <paramref name="answeredOk"/>. Returns how many failed.
    /// </summary>
    public async Task<int> ApplyAndScreenAsync(string officer, IEnumerable<(User User, string Id)> organizations, string dialogue,
        List<(User User, string Application)> answeredOk)
    {
        var failed = 0;
        await Parallel.ForEachAsync(organizations, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (org, _) =>
        {
            try
            {
                var application = (await ApplyAsync(org.User, org.Id, dialogue)).ApplicationId;
                await ScreenEligibleAsync(officer, application);
                lock (answeredOk)
                    answeredOk.Add((org.User, application));
            }
            catch (RpcException)
            {
                Interlocked.Increment(ref failed);
            }
        });
        return failed;
    }

    public async Task<RegistrationV1.Application> GetAsync(User user, string applicationId) =>
        (await Applications.GetApplicationAsync(new RegistrationV1.GetApplicationRequest { ApplicationId = applicationId }, user.Call)).Application;

    public async Task<IReadOnlyList<InboxV1.Notice>> NoticesAsync(string token) =>
        (await Inbox.ListNoticesAsync(new InboxV1.ListNoticesRequest { PageSize = 200 }, Bearer(token))).Notices;

    /// <summary>
    /// A call while services crash and restart: retried while the backend is unreachable. A retry of
    /// a call whose first attempt did commit is answered by the domain (ALREADY_EXISTS,
    /// FAILED_PRECONDITION), which <paramref name="alreadyDone"/> may accept.
    /// </summary>
    public static async Task<T> PersistAsync<T>(Func<Task<T>> call, Func<RpcException, bool>? alreadyDone = null, int seconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var retried = false;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException ex) when (retried && alreadyDone?.Invoke(ex) == true)
            {
                return default!;
            }
            catch (RpcException ex) when (IsTransient(ex) && DateTime.UtcNow < deadline)
            {
                retried = true;
                await Task.Delay(200);
            }
        }
    }

    static bool IsTransient(RpcException ex) =>
        ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled
        || (ex.StatusCode == StatusCode.Unauthenticated && ex.Status.Detail.Contains("IDX", StringComparison.Ordinal));

    /// <summary>Waits for an eventually consistent fact, polling every 200 ms (processes and a broker between the tests and it).</summary>
    public static Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> until, string what, int seconds = 60) =>
        Eventually.HoldsAsync(probe, until, what, TimeSpan.FromSeconds(seconds), TimeSpan.FromMilliseconds(200));
}

public sealed record User(string Email, string Token)
{
    public CallOptions Call => Api.Bearer(Token);
}
