using Accreditation.Identity.Api;
using Accreditation.Identity.Data;
using Accreditation.Identity.Domain;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Email;
using Accreditation.ServiceDefaults.Hosting;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Accreditation.Identity;

public static class IdentityServiceExtensions
{
    public static WebApplicationBuilder AddIdentityService(this WebApplicationBuilder builder)
    {
        var settings = IdentitySettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);

        builder.AddServiceDatabase<IdentityDb, PostgreSqlIdentityDb>("identity");
        // After AddServiceDatabase: hosted services start in registration order, so the tables exist by then.
        builder.Services.AddHostedService<ClientSeeder>();
        builder.Services.AddHostedService<StaffSeeder>();
        // Publishes AccountRegistered (for Notifications) and ApiClientRevoked (for every service, itself included).
        builder.AddEventBus<IdentityDb>("identity");

        // AddIdentityCore, not AddIdentity: the latter makes cookies the default scheme, and this
        // service authenticates its gRPC callers with bearer tokens like every other service.
        builder.Services.AddAccounts().AddSignInManager();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddEmailRecipientBudget();
        // The gateway (on loopback, or a network configured as known) forwards the caller's address,
        // which the sign-in throttle keys on; a caller's own X-Forwarded-For from elsewhere is ignored.
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            foreach (var network in settings.KnownNetworks)
                options.KnownIPNetworks.Add(network);
        });

        var keys = new PemKeyStore(settings.KeysDirectory);
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(server =>
            {
                server.SetIssuer(settings.Issuer);
                // Discovery (/.well-known/openid-configuration) and the key set (/.well-known/jwks) keep OpenIddict's default paths.
                server.SetTokenEndpointUris(TokenEndpoint.Path.TrimStart('/'));
                // Refresh tokens only for people who ask for them (scope offline_access with the password grant).
                server.AllowClientCredentialsFlow().AllowPasswordFlow().AllowRefreshTokenFlow();
                server.RegisterScopes(Scopes.OfflineAccess);
                server.SetAccessTokenLifetime(settings.AccessTokenLifetime);
                server.SetRefreshTokenLifetime(settings.RefreshTokenLifetime);

                // Services validate the JWT's signature against the published key set (JwtBearer);
                // an encrypted token would be unreadable to them.
                server.DisableAccessTokenEncryption();
                // Access tokens are short-lived self-contained JWTs checked offline, and there is no
                // revocation or introspection endpoint: a database row per token would only add a
                // SQLite write to every token request and a table that grows forever. Refresh tokens
                // are self-contained too (encrypted): the token endpoint checks the security stamp
                // and the session they carry against the account instead (TokenEndpoint).
                server.DisableTokenStorage();
                server.DisableAuthorizationStorage();

                server.AddSigningKey(keys.LoadOrCreate("signing-key"));
                server.AddEncryptionKey(keys.LoadOrCreate("encryption-key"));

                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    // The service listens in cleartext on loopback or an internal network; in production
                    // TLS is terminated in front of it (gateway / ingress), so requests arrive as http here.
                    .DisableTransportSecurityRequirement();
            });
        // Token lifetimes are checked by every service against the real clock; the domain
        // clock registered as TimeProvider may be a test's fake one, so tokens never use it.
        builder.Services.AddOptions<OpenIddict.Server.OpenIddictServerOptions>()
            .Configure<WallClock>((options, wall) => options.TimeProvider = wall);
        return builder;
    }

    /// <summary>Accounts of people (organization users and secretariat staff): ASP.NET Core Identity over IdentityDb.</summary>
    public static IdentityBuilder AddAccounts(this IServiceCollection services) =>
        services.AddIdentityCore<AccountUser>(options =>
            {
                options.Password.RequiredLength = 10;
                // Wrong passwords slow their source down (SignInThrottle) rather than lock the account.
                options.Lockout.AllowedForNewUsers = false;
                options.User.RequireUniqueEmail = true;
                // The user name is the e-mail address, already checked; Identity's default alphabet would refuse valid addresses.
                options.User.AllowedUserNameCharacters = "";
            })
            .AddEntityFrameworkStores<IdentityDb>();

    public static WebApplication MapIdentityApi(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // SignUp is anonymous and GetMyAccount needs a token: the method attributes decide, not the endpoint.
        app.MapGrpcService<AccountsApi>();
        app.MapGrpcService<StateClientsApi>();
        app.MapGrpcService<StateUsersApi>();
        app.MapTokenEndpoint();
        return app;
    }
}
