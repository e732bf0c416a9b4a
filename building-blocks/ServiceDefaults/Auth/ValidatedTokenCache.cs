using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Accreditation.ServiceDefaults.Auth;

/// <summary>
/// Validates a bearer token once and reuses the result for the same token string until it
/// expires (at most <see cref="MaxReuse"/>): a client sends the same token on every call for its
/// lifetime, and checking its RSA signature, issuer and audience each time was the largest cost
/// of a read after the query. Only successful results are kept; the revocation check runs on every
/// request after this (JwtBearerEvents.OnTokenValidated), so a revoked client is still refused.
/// </summary>
public sealed class ValidatedTokenCache(TimeProvider clock) : JsonWebTokenHandler
{
    /// <summary>How long a result is reused at most, whatever the token's lifetime (bounds a signing-key withdrawal's reach).</summary>
    public static readonly TimeSpan MaxReuse = TimeSpan.FromMinutes(2);

    /// <summary>Beyond this many distinct tokens the expired ones are dropped, and all if that is not enough.</summary>
    public const int Capacity = 4096;

    readonly ConcurrentDictionary<string, (TokenValidationResult Result, DateTimeOffset Until)> _validated = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow();
        if (_validated.TryGetValue(token, out var known) && known.Until > now)
            return known.Result;
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } validated)
        {
            // Built now, once: the identity is created lazily and is then only read by the requests that share it.
            _ = result.ClaimsIdentity;
            var expires = new DateTimeOffset(validated.ValidTo, TimeSpan.Zero);
            var until = expires < now + MaxReuse ? expires : now + MaxReuse;
            if (_validated.Count >= Capacity)
                Trim(now);
            _validated[token] = (result, until);
        }
        return result;
    }

    void Trim(DateTimeOffset now)
    {
        foreach (var (token, entry) in _validated)
            if (entry.Until <= now)
                _validated.TryRemove(token, out _);
        if (_validated.Count >= Capacity)
            _validated.Clear();
    }
}
