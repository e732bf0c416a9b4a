using System.Text.Json;
using Accreditation.Standalone;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Time.Testing;
using Accounts = Accreditation.Identity.V1;

namespace Accreditation.FunctionalTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "standalone system";
}

/// <summary>
/// The whole standalone system on free loopback ports, with real SQLite files in a temporary
/// folder and a simulated domain clock. Tests talk to it only through the gateway.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    readonly IReadOnlyDictionary<string, string?> _settings;

    public SystemFixture() : this(new Dictionary<string, string?>()) { }

    /// <summary>A system of its own with extra settings (xunit wants one public constructor for fixtures).</summary>
    internal SystemFixture(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "accreditation-tests", Guid.NewGuid().ToString("N"));
    public StandaloneSystem System { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public GrpcChannel Grpc { get; private set; } = null!;
    public LogCapture Logs { get; } = new();

    /// <summary>
    /// The SMTP server Notifications sends to, when the test set one up: sign-ups then confirm their
    /// address with the code from the e-mail, as users do. Without it the standalone host does not
    /// require confirmation (no e-mail could arrive).
    /// </summary>
    public SmtpSink? Mail { get; init; }

    /// <summary>More for the system's one tracer, e.g. an in-memory exporter the test reads.</summary>
    public Action<OpenTelemetry.Trace.TracerProviderBuilder>? Tracing { get; init; }

    public async Task InitializeAsync() => await StartAsync();

    public async Task StartAsync()
    {
        // Ports found free can be taken (by another test's outgoing connection) before Kestrel binds them: new ones, then.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                System = await StartOnAsync(StandalonePorts.Free());
                break;
            }
            catch (IOException e) when (attempt < 3 && e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
            }
        }
        Http = new HttpClient { BaseAddress = System.GatewayHttp, Timeout = TimeSpan.FromSeconds(30) };
        Grpc = GrpcChannel.ForAddress(System.GatewayGrpc);
    }

    Task<StandaloneSystem> StartOnAsync(Ports ports) =>
        StandaloneSystem.StartAsync(new StandaloneOptions(DataDirectory, ports)
        {
            Clock = Clock,
            LogSink = Logs,
            Tracing = Tracing,
            MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Information,
            Settings = new Dictionary<string, string?>
            {
                ["Objections:DeadlinePollInterval"] = "00:00:00.100",
                ["Registration:DeadlinePollInterval"] = "00:00:00.100",
                // Every test signs in from 127.0.0.1; the rate-limit tests set their own budgets.
                ["Gateway:RateLimits:SignIn:PermitLimit"] = "100000",
                ["Gateway:RateLimits:General:PermitLimit"] = "100000",
                ["Gateway:RateLimits:Email:PermitLimit"] = "100000",
            }.Concat(_settings).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value),
        });

    public async Task StopAsync()
    {
        Grpc.Dispose();
        Http.Dispose();
        await System.DisposeAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }

    /// <summary>Settings that make Notifications e-mail through <paramref name="sink"/> at once (no daily digest, whose timing depends on the hour).</summary>
    public static Dictionary<string, string?> MailSettings(SmtpSink sink) => new()
    {
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = sink.Port.ToString(),
        ["Notifications:Smtp:Security"] = "None",
        ["Notifications:Delivery:PollInterval"] = "00:00:00.100",
        ["Notifications:Digest:Enabled"] = "false",
    };

    /// <summary>
    /// Settings for a mail server that is down at <paramref name="port"/> (nothing listens there yet):
    /// deliveries retried quickly, <paramref name="attempts"/> times, then failed; the secretariat's
    /// notices to <paramref name="secretariat"/>. Sign-in waits for no confirmation, which could never arrive.
    /// </summary>
    public static Dictionary<string, string?> MailServerDownSettings(int port, string secretariat, int attempts) => new()
    {
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = port.ToString(),
        ["Notifications:Smtp:Security"] = "None",
        ["Notifications:Smtp:Timeout"] = "00:00:05",
        ["Notifications:Delivery:MaxAttempts"] = attempts.ToString(),
        ["Notifications:Delivery:FirstRetryDelay"] = "00:00:00.200",
        ["Notifications:Delivery:MaxRetryDelay"] = "00:00:00.400",
        ["Notifications:Delivery:PollInterval"] = "00:00:00.100",
        ["Notifications:Recipients:secretariat:Email"] = secretariat,
        ["Notifications:Digest:Enabled"] = "false",
        ["Identity:RequireConfirmedEmail"] = "false",
    };

    public static CallOptions Bearer(string token) => Calls.Bearer(token);

    public static CallOptions Anonymous => Calls.Anonymous;

    public Task<string> OfficerTokenAsync() => ClientTokenAsync("secretariat-officer");
    public Task<string> AuditorTokenAsync() => ClientTokenAsync("secretariat-auditor");
    public Task<string> StateTokenAsync(string state) => ClientTokenAsync($"state-{state.ToLowerInvariant()}");

    public async Task<string> ClientTokenAsync(string clientId)
    {
        var client = System.Credentials.Clients.Single(c => c.ClientId == clientId);
        return await TokenAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
        });
    }

    /// <summary>A new organization user: signs up through the gateway and signs in with the portal client.</summary>
    public async Task<OrganizationUser> SignUpOrganizationUserAsync(string language = "en", string? email = null)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.org";
        const string password = "Correct-Horse-42";
        var accounts = new Accounts.AccountService.AccountServiceClient(Grpc);
        await accounts.SignUpAsync(new Accounts.SignUpRequest
        {
            Email = email, Password = password, DisplayName = "Test user", Language = language,
        }, Anonymous);
        if (Mail is not null)
            await accounts.ConfirmEmailAsync(new Accounts.ConfirmEmailRequest { Email = email, Code = await ConfirmationCodeAsync(email) }, Anonymous);
        var token = await PasswordTokenAsync(email, password);
        // Sign-up does not name the account (it answers alike for a taken address): the token's owner does.
        var account = (await accounts.GetMyAccountAsync(new Accounts.GetMyAccountRequest(), Bearer(token))).Account;
        return new OrganizationUser(email, account.Subject, token);
    }

    /// <summary>Reads the confirmation e-mail sent to <paramref name="email"/> and takes the code from its link.</summary>
    public Task<string> ConfirmationCodeAsync(string email) => CodeFromMailAsync(email, "email-confirmation");

    /// <summary>Waits for the e-mail of <paramref name="kind"/> to <paramref name="email"/> and takes the code from the link of the latest.</summary>
    public async Task<string> CodeFromMailAsync(string email, string kind) =>
        Uri.UnescapeDataString(global::System.Text.RegularExpressions.Regex.Match(await LinkFromMailAsync(email, kind), @"[?&](code|invitation)=(?<code>[^&]+)").Groups["code"].Value);

    /// <summary>Waits for the e-mail of <paramref name="kind"/> to <paramref name="email"/> and returns the link in the latest.</summary>
    public async Task<string> LinkFromMailAsync(string email, string kind)
    {
        var mail = await EventuallyAsync(
            () => Task.FromResult(Mail!.Received().LastOrDefault(m => m.To.Mailboxes.Any(a => a.Address.Equals(email, StringComparison.OrdinalIgnoreCase))
                && m.Headers[Accreditation.Notifications.Email.SmtpEmailSender.KindHeader] == kind)),
            m => m is not null, $"the {kind} e-mail to {email}");
        var link = global::System.Text.RegularExpressions.Regex.Match(mail!.TextBody ?? "", @"http\S+[?&](code|invitation)=\S+");
        Assert.True(link.Success, $"No link with a code in: {mail.TextBody}");
        return link.Value;
    }

    /// <summary>The seeded officer or auditor account (credentials.json) signed in with its password, as the portal does.</summary>
    public Task<string> StaffPersonTokenAsync(StaffCredential staff) => PasswordTokenAsync(staff.Email, staff.Password);

    /// <summary>A password sign-in asking for a refresh token (scope offline_access), as the portal does.</summary>
    public Task<(bool Ok, JsonElement Body)> SignInForRefreshAsync(string email, string password) => TokenRequestAsync(new()
    {
        ["grant_type"] = "password", ["client_id"] = "portal", ["username"] = email, ["password"] = password, ["scope"] = "offline_access",
    });

    public Task<(bool Ok, JsonElement Body)> RefreshAsync(string refreshToken) => TokenRequestAsync(new()
    {
        ["grant_type"] = "refresh_token", ["client_id"] = "portal", ["refresh_token"] = refreshToken,
    });

    public Task<string> PasswordTokenAsync(string email, string password) => TokenAsync(new()
    {
        ["grant_type"] = "password",
        ["client_id"] = "portal",
        ["username"] = email,
        ["password"] = password,
    });

    /// <summary>A client_credentials token for any client, e.g. one the secretariat created during the test.</summary>
    public Task<(bool Ok, JsonElement Body)> ClientCredentialsAsync(string clientId, string clientSecret) => TokenRequestAsync(new()
    {
        ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientSecret,
    });

    Task<string> TokenAsync(Dictionary<string, string> form) => TokenEndpoint.AccessTokenAsync(Http, form);

    /// <summary>Posts to the token endpoint; the body is the token response or the OAuth error.</summary>
    public Task<(bool Ok, JsonElement Body)> TokenRequestAsync(Dictionary<string, string> form) => TokenEndpoint.RequestAsync(Http, form);

    /// <summary>
    /// Waits until every outbox row of <paramref name="service"/> is sent. In the standalone topology
    /// a row counts as sent only once every consumer has committed its effect.
    /// </summary>
    public Task OutboxDrainedAsync(string service) => EventuallyAsync(async () =>
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(DataDirectory, $"{service}.db"), Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM OutboxMessages WHERE SentAt IS NULL";
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }, pending => pending == 0, $"{service}'s outbox to be drained");

    /// <summary>Waits for an eventually consistent read (events travel through the bus) to satisfy a condition.</summary>
    public static Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> until, string what, int seconds = 20) =>
        Eventually.HoldsAsync(probe, until, what, TimeSpan.FromSeconds(seconds), TimeSpan.FromMilliseconds(50));
}

public sealed record OrganizationUser(string Email, string Subject, string Token)
{
    public CallOptions Call => SystemFixture.Bearer(Token);
}
