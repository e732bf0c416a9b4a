using System.Security.Claims;
using Accreditation.Identity.Data;
using Accreditation.Identity.Domain;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Accreditation.Identity.Api;

/// <summary>
/// /connect/token after OpenIddict has validated the request (client authentication, grant
/// permission): decides who the token is for. Errors are OAuth errors in OpenIddict's JSON shape.
/// </summary>
static class TokenEndpoint
{
    public const string Path = "/connect/token";

    public static IEndpointConventionBuilder MapTokenEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, ExchangeAsync).AllowAnonymous().ExcludeFromDescription();

    /// <summary>
    /// The account's security stamp when the refresh token was issued: only in refresh tokens (no
    /// destination), which OpenIddict encrypts; a new password renews the stamp and so ends them all.
    /// </summary>
    const string StampClaim = "stamp";

    static async Task<IResult> ExchangeAsync(HttpContext http, IdentityDb db, UserManager<AccountUser> users,
        SignInManager<AccountUser> signIn, SignInThrottle throttle, IdentitySettings settings, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing: is passthrough enabled for /connect/token?");
        var logger = loggers.CreateLogger(typeof(TokenEndpoint));

        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has already checked the secret; the role and State come from our table, never the request.
            var client = await db.ApiClients.FindAsync([request.ClientId], ct);
            if (client is null || client.IsRevoked)
                return Refuse(Errors.InvalidClient, "This client may not obtain tokens with client credentials.");
            return Issue(TokenSubject.ForClient(client));
        }

        if (request.IsPasswordGrantType())
        {
            // One answer for an unknown e-mail and a wrong password, so the endpoint does not reveal who has an account.
            const string wrongCredentials = "The e-mail address or password is incorrect.";
            if (string.IsNullOrEmpty(request.Username) || string.IsNullOrEmpty(request.Password))
                return Refuse(Errors.InvalidGrant, wrongCredentials);
            var name = request.Username.Trim();
            var source = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (throttle.BlockedUntil(name, source) is { } until)
            {
                logger.LogWarning("Password sign-in refused: repeated failures for one name from {Source}", source);
                return Refuse(Errors.InvalidGrant, $"Too many failed sign-ins for this address from your network; try again after {until:u}.");
            }
            var user = await users.FindByEmailAsync(name);
            if (user is null)
            {
                // The same password hashing as for a known address, so the answer takes as long.
                users.PasswordHasher.VerifyHashedPassword(DummyUser, DummyHash(users), request.Password);
                throttle.Failed(name, source);
                return Refuse(Errors.InvalidGrant, wrongCredentials);
            }

            // No lockout of the account: a stranger's wrong guesses would lock its owner out.
            var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: false);
            if (!result.Succeeded)
            {
                throttle.Failed(name, source);
                logger.LogInformation("Password sign-in failed for account {UserId} from {Source}", user.Id, source);
                return Refuse(Errors.InvalidGrant, result.IsNotAllowed ? "The account may not sign in." : wrongCredentials);
            }
            throttle.Succeeded(name, source);
            // Checked after the password, so only the address's owner learns that it awaits confirmation.
            if (EmailConfirmation.HoldsBackSignIn(user, settings.RequireConfirmedEmail))
            {
                logger.LogInformation("Password sign-in refused: account {UserId} has not confirmed its e-mail address", user.Id);
                return Refuse(Errors.InvalidGrant, "The e-mail address is not confirmed yet: use the code in the confirmation e-mail (POST /v1/accounts:confirmEmail).");
            }
            // One session per sign-in, not per token: refreshing keeps its id, signing out ends it.
            var session = await db.RetryOnBusyAsync(async token =>
            {
                var started = AccountSession.Start(user.Id, clock.GetUtcNow());
                db.Sessions.Add(started);
                await db.SaveChangesAsync(token);
                return started;
            }, ct);
            return Issue(TokenSubject.ForUser(user, session.Id), request.HasScope(Scopes.OfflineAccess) ? user.SecurityStamp : null);
        }

        if (request.IsRefreshTokenGrantType())
        {
            // OpenIddict has checked the refresh token's signature, encryption and lifetime; whether
            // the person may still have tokens is ours: the account, its stamp and its session.
            const string ended = "The sign-in has ended (signed out, or the password was changed): sign in again.";
            var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var subject = principal?.FindFirst(AccreditationClaims.Subject)?.Value;
            var sessionId = principal?.FindFirst(TokenSubject.SessionClaim)?.Value;
            var stamp = principal?.FindFirst(StampClaim)?.Value;
            if (subject is null || sessionId is null || stamp is null)
                return Refuse(Errors.InvalidGrant, ended);
            var user = await users.FindByIdAsync(subject);
            var session = await db.Sessions.FindAsync([sessionId], ct);
            if (!AccountSession.AllowsRefresh(user, stamp, session))
            {
                logger.LogInformation("Refresh refused for account {UserId}: account gone, password changed or session {SessionId} ended", subject, sessionId);
                return Refuse(Errors.InvalidGrant, ended);
            }
            // The claims are the account's as it is now (a role may have changed), not the old token's.
            return Issue(TokenSubject.ForUser(user, session.Id), user.SecurityStamp);
        }

        // OpenIddict rejects grants it was not told to allow before passthrough; this is a second lock.
        return Refuse(Errors.UnsupportedGrantType, "Only the client_credentials, password and refresh_token grants are supported.");
    }

    static readonly AccountUser DummyUser = new();
    static string? _dummyHash;

    /// <summary>A hash of a random password, made once, to verify against when no account has the name.</summary>
    static string DummyHash(UserManager<AccountUser> users) =>
        _dummyHash ??= users.PasswordHasher.HashPassword(DummyUser, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));

    /// <summary>
    /// The token response; with <paramref name="refreshStamp"/>, a refresh token too (scope
    /// offline_access), which carries the stamp and the session so the refresh grant can check them.
    /// </summary>
    static IResult Issue(TokenSubject subject, string? refreshStamp = null)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, AccreditationClaims.Subject, AccreditationClaims.Role);
        foreach (var (type, value) in subject.Claims())
            identity.AddClaim(new Claim(type, value));
        // Claims without a destination are left out of every token; these are for the services, in the access token only.
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        if (refreshStamp is not null)
        {
            // No destination: in the (encrypted) refresh token only, never in an access token.
            identity.AddClaim(new Claim(StampClaim, refreshStamp));
            identity.SetScopes(Scopes.OfflineAccess);
        }

        var principal = new ClaimsPrincipal(identity);
        // The audience is set here, never taken from the request: every token is for the Accreditation services.
        principal.SetAudiences(AccreditationClaims.Audience);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
