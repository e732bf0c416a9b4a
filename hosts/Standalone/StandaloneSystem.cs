using Accreditation.Gateway;
using Accreditation.Identity;
using Accreditation.Notifications;
using Accreditation.Objections;
using Accreditation.Portal;
using Accreditation.Registration;
using Accreditation.ServiceDefaults;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Messaging;
using Accreditation.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Accreditation.Standalone;

/// <summary>
/// Starts every service on its own loopback port with its own SQLite file, sharing one in-memory
/// bus, then the gateway in front of them. Same composition as each service's Program.cs.
/// </summary>
public sealed class StandaloneSystem : IAsyncDisposable
{
    readonly List<WebApplication> _apps = [];
    readonly SharedBus _bus;
    ProcessTelemetry? _telemetry;

    StandaloneSystem(StandaloneOptions options, SharedBus bus, StandaloneCredentials credentials, bool credentialsCreated)
    {
        Options = options;
        _bus = bus;
        Credentials = credentials;
        CredentialsCreated = credentialsCreated;
    }

    public StandaloneOptions Options { get; }
    public StandaloneCredentials Credentials { get; }
    bool CredentialsCreated { get; }
    /// <summary>The process's one tracer and meter, shared by every part (see ProcessTelemetry).</summary>
    public ProcessTelemetry Telemetry => _telemetry ?? throw new InvalidOperationException("The system has not started.");
    public Uri GatewayHttp => new($"http://127.0.0.1:{Options.Ports.GatewayHttp}/");
    public Uri GatewayGrpc => new($"http://127.0.0.1:{Options.Ports.GatewayGrpc}/");

    public static async Task<StandaloneSystem> StartAsync(StandaloneOptions options, CancellationToken ct = default)
    {
        PrivateFiles.CreateDirectory(options.DataDirectory);
        var (credentials, created) = StandaloneCredentials.LoadOrCreate(options.DataDirectory);
        var bus = await SharedBus.StartAsync(ct);
        var system = new StandaloneSystem(options, bus, credentials, created);
        try
        {
            await system.StartPartsAsync(ct);
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
        return system;
    }

    async Task StartPartsAsync(CancellationToken ct)
    {
        var ports = Options.Ports;
        var identityUrl = Url(ports.Identity);
        var common = new Dictionary<string, string?>
        {
            ["Data:Directory"] = Options.DataDirectory,
            ["Bus:Transport"] = "Shared",
            ["Identity:Authority"] = identityUrl,
            ["Identity:Issuer"] = identityUrl,
            ["Services:Identity"] = identityUrl,
            ["Services:Registration"] = Url(ports.Registration),
            ["Services:Objections"] = Url(ports.Objections),
            ["Services:Notifications"] = Url(ports.Notifications),
            ["Services:Portal"] = Url(ports.Portal),
            ["Gateway:HttpUrl"] = Url(ports.GatewayHttp),
            // E-mailed links open the portal, which confirms addresses and accepts invitations.
            // A link without a language opens in the reader's (cookie, then browser).
            ["Notifications:Links:ConfirmEmail"] = new Uri(GatewayHttp, "confirm-email").ToString(),
            ["Notifications:Links:AcceptInvitation"] = new Uri(GatewayHttp, "invitation").ToString(),
            ["Notifications:Links:SignIn"] = new Uri(GatewayHttp, "sign-in").ToString(),
            // The portal's page that takes the e-mailed code (?email=&code=) and a new password.
            ["Notifications:Links:ResetPassword"] = new Uri(GatewayHttp, "reset-password").ToString(),
            ["Gateway:GrpcUrl"] = Url(ports.GatewayGrpc),
        };
        foreach (var (key, value) in Credentials.AsSettings().Concat(Options.Settings))
            common[key] = value;
        // Confirming an e-mail address needs e-mail: without an SMTP server (or Dapr binding) the
        // confirmation could never arrive, so sign-in does not wait for it unless set explicitly.
        var emailConfigured = !string.IsNullOrEmpty(common.GetValueOrDefault("Notifications:Smtp:Host"))
            || !string.IsNullOrEmpty(common.GetValueOrDefault("Notifications:Email:DaprBinding"));
        common.TryAdd("Identity:RequireConfirmedEmail", emailConfigured ? "true" : "false");
        // Before any part: one tracer and meter for the whole process, whose OTEL_* variables it reads.
        _telemetry = ProcessTelemetry.Start(new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(common).Build(),
            "accreditation", Options.Tracing);

        // One after the other: started side by side (tried, bench startup) the parts took as much CPU
        // and 8 MB more memory at rest, and on two busy cores no part started sooner.
        await StartAsync(typeof(IdentityServiceExtensions), ports.Identity, common, b => b.AddServiceDefaults("identity").AddIdentityService(), a => a.MapServiceDefaults().MapIdentityApi(), ct);
        await StartAsync(typeof(RegistrationServiceExtensions), ports.Registration, common, b => b.AddServiceDefaults("registration").AddRegistrationService(), a => a.MapServiceDefaults().MapRegistrationApi(), ct);
        await StartAsync(typeof(ObjectionsServiceExtensions), ports.Objections, common, b => b.AddServiceDefaults("objections").AddObjectionsService(), a => a.MapServiceDefaults().MapObjectionsApi(), ct);
        await StartAsync(typeof(NotificationsServiceExtensions), ports.Notifications, common, b => b.AddServiceDefaults("notifications").AddNotificationsService(), a => a.MapServiceDefaults().MapNotificationsApi(), ct);
        _bus.AllServicesConnected();
        await StartAsync(typeof(PortalExtensions), ports.Portal, common, b => b.AddPortal(), a => a.MapPortal(), ct);
        await StartAsync(typeof(GatewayExtensions), port: null, common, b => b.AddGateway(), a => a.MapGateway(), ct);
    }

    async Task StartAsync(Type part, int? port, Dictionary<string, string?> settings,
        Action<WebApplicationBuilder> add, Action<WebApplication> map, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = part.Assembly.GetName().Name,
            // Configuration is read once, at start: reloading on change would watch the content root
            // (the caller's folder, the whole repository under dotnet run) recursively, once per part.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        // The host's appsettings.json beside its binaries (the working directory is the caller's),
        // below every other source: the parts' defaults, which the wiring below and the environment override.
        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            Path = SettingsFile,
            Optional = true,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        if (port is { } p)
            builder.WebHost.UseUrls(Url(p));
        builder.Logging.SetMinimumLevel(Options.MinimumLogLevel);
        if (Options.LogSink is { } sink)
            builder.Logging.AddProvider(new SharedLoggerProvider(sink));
        builder.Services.AddSingleton(_bus);
        builder.Services.AddSingleton(Telemetry);
        builder.Services.AddSingleton(Options.Clock);
        add(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync(ct);
        _apps.Add(app);
    }

    const string SettingsFile = "appsettings.json";

    static string Url(int port) => $"http://127.0.0.1:{port}";

    public void PrintWelcome(TextWriter output)
    {
        output.WriteLine("Accreditation is running (standalone: one process, in-memory bus, SQLite files).");
        output.WriteLine($"  Portal:                      {GatewayHttp}");
        output.WriteLine($"  JSON API and token endpoint: {GatewayHttp}  (HTTP/1.1)");
        output.WriteLine($"  gRPC API:                    {GatewayGrpc}  (h2c, e.g. grpcurl -plaintext 127.0.0.1:{Options.Ports.GatewayGrpc} list)");
        output.WriteLine($"  Data folder:                 {Options.DataDirectory}");
        var file = Path.Combine(Options.DataDirectory, StandaloneCredentials.FileName);
        // Never a password or a secret here: the console ends up in logs; the file is owner-only.
        output.WriteLine(CredentialsCreated
            ? $"  Accounts and API clients created; their passwords and secrets are in {file} (shown only there, keep it private):"
            : $"  Accounts and API clients (passwords and secrets in {file}):");
        foreach (var staff in Credentials.Staff ?? [])
            output.WriteLine($"    {staff.Email,-32} {staff.Role} account, signs in to the portal");
        foreach (var client in Credentials.Clients)
            output.WriteLine($"    {client.ClientId,-32} API client, role {client.Role}{(client.State is null ? "" : $", State party {client.State}")}");
        output.WriteLine("  More secretariat staff accounts: the administrator's command (prints a one-time password):");
        output.WriteLine($"    dotnet run --project services/Identity -- staff add --email you@un.org --role officer --Data:Directory {Options.DataDirectory}");
        output.WriteLine("Press Ctrl+C to stop.");
    }

    public async Task WaitForShutdownAsync()
    {
        if (_apps.Count > 0)
            await _apps[^1].WaitForShutdownAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // Gateway first, then the services in reverse start order, then the bus.
        for (var i = _apps.Count - 1; i >= 0; i--)
        {
            await _apps[i].StopAsync();
            await _apps[i].DisposeAsync();
        }
        _apps.Clear();
        await _bus.DisposeAsync();
        _telemetry?.Dispose();
    }
}

/// <summary>Lends one provider to several hosts; only the owner disposes it.</summary>
sealed class SharedLoggerProvider(ILoggerProvider inner) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => inner.CreateLogger(categoryName);

    public void Dispose() { }
}
