using System.Net;
using Accreditation.ServiceDefaults.Configuration;
using Accreditation.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;

namespace Accreditation.ServiceDefaults.Auth;

public static class AuthenticationExtensions
{
    /// <summary>
    /// Validates bearer tokens issued by the Identity service (signature from its published keys,
    /// issuer, audience, lifetime). The Identity service's address comes from Identity:Authority.
    /// </summary>
    public static WebApplicationBuilder AddTokenValidation(this WebApplicationBuilder builder)
    {
        var settings = builder.Services.AddSettings<TokenValidationOptions>(builder.Configuration, TokenValidationOptions.Section);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = settings.Authority;
                options.Audience = AccreditationClaims.Audience;
                options.MapInboundClaims = false;
                options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                // The Identity service listens with HTTP/2 only (it serves gRPC too), so speak h2c to it.
                options.Backchannel = new HttpClient
                {
                    DefaultRequestVersion = HttpVersion.Version20,
                    DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
                    Timeout = TimeSpan.FromSeconds(10),
                };
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    NameClaimType = AccreditationClaims.Subject,
                    RoleClaimType = AccreditationClaims.Role,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                options.Events = new JwtBearerEvents { OnTokenValidated = RefuseRevokedClientsAsync };
            });
        builder.Services.TryAddSingleton<WallClock>();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<WallClock>((options, wall) =>
        {
            // Token lifetimes are wall-clock facts (Identity issues on the wall clock too); the
            // domain clock in DI may be simulated.
            options.TimeProvider = wall;
            // A client's token is validated once, then its result reused until it expires (the revocation check above still runs on every call).
            options.TokenHandlers.Clear();
            options.TokenHandlers.Add(new ValidatedTokenCache(wall));
        });
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>
    /// A signed, unexpired token of a client the secretariat has revoked is refused like any
    /// invalid token (UNAUTHENTICATED). Services with a bus keep the revocation list; the gateway
    /// has none and leaves the refusal to the service behind it.
    /// </summary>
    static async Task RefuseRevokedClientsAsync(TokenValidatedContext context)
    {
        var revoked = context.HttpContext.RequestServices.GetService<IRevokedClients>();
        var subject = context.Principal?.FindFirst(AccreditationClaims.Subject)?.Value;
        if (revoked is not null && subject is not null && await revoked.IsRevokedAsync(subject, context.HttpContext.RequestAborted))
            context.Fail("The API client was revoked.");
    }
}
