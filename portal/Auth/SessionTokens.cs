using System.Globalization;
using System.Security.Claims;
using Accreditation.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Accreditation.Portal.Auth;

/// <summary>The person's tokens inside their server-side session, and the principal the portal sees.</summary>
public static class SessionTokens
{
    public const string AccessToken = "access_token";
    public const string RefreshToken = "refresh_token";
    public const string ExpiresAt = "expires_at";
    public const string Email = "email";
    public const string DisplayName = "name";

    /// <summary>Renewed this long before the access token runs out, so no call leaves with a token about to expire.</summary>
    static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The session's principal from the access token's own claims (subject, role, State): the
    /// portal received the token straight from Identity, and every service checks it again.
    /// </summary>
    public static ClaimsPrincipal Principal(string accessToken, string email, string displayName)
    {
        var token = new JsonWebToken(accessToken);
        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, AccreditationClaims.Subject, AccreditationClaims.Role);
        foreach (var type in new[] { AccreditationClaims.Subject, AccreditationClaims.Role, AccreditationClaims.State })
            if (token.TryGetPayloadValue<string>(type, out var value) && !string.IsNullOrEmpty(value))
                identity.AddClaim(new Claim(type, value));
        identity.AddClaim(new Claim(Email, email));
        identity.AddClaim(new Claim(DisplayName, displayName));
        return new ClaimsPrincipal(identity);
    }

    public static AuthenticationProperties Properties(TokenResult tokens)
    {
        var properties = new AuthenticationProperties { IsPersistent = false };
        Store(properties, tokens);
        return properties;
    }

    static void Store(AuthenticationProperties properties, TokenResult tokens)
    {
        var stored = new List<AuthenticationToken>
        {
            new() { Name = AccessToken, Value = tokens.AccessToken! },
            new() { Name = ExpiresAt, Value = tokens.ExpiresAt.ToString("o", CultureInfo.InvariantCulture) },
        };
        // A refresh answer may leave out a new refresh token: the old one then stays valid.
        var refresh = tokens.RefreshToken ?? properties.GetTokenValue(RefreshToken);
        if (refresh is not null)
            stored.Add(new() { Name = RefreshToken, Value = refresh });
        properties.StoreTokens(stored);
    }

    /// <summary>
    /// Runs on every request of a signed-in person: renews the access token shortly before it
    /// expires; a refused refresh (password reset, session ended, account gone) ends the session.
    /// </summary>
    public static async Task RefreshWhenExpiringAsync(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue(ExpiresAt);
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (expiresAt is not null && DateTimeOffset.Parse(expiresAt, CultureInfo.InvariantCulture) - RefreshMargin > clock.GetUtcNow())
            return;
        var refresh = context.Properties.GetTokenValue(RefreshToken);
        var tokens = context.HttpContext.RequestServices.GetRequiredService<IdentityTokens>();
        var renewed = refresh is null ? null : await tokens.RefreshAsync(refresh, context.HttpContext.RequestAborted);
        if (renewed is not { Succeeded: true })
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        Store(context.Properties, renewed);
        context.ShouldRenew = true;
    }
}
