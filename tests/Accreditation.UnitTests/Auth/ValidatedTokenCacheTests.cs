using System.Security.Claims;
using System.Security.Cryptography;
using Accreditation.ServiceDefaults.Auth;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Accreditation.UnitTests.Auth;

public sealed class ValidatedTokenCacheTests
{
    static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "test" };
    readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuer = "https://identity.test",
        ValidAudience = AccreditationClaims.Audience,
        IssuerSigningKey = key,
        // The handler's own lifetime check reads the wall clock; the cache's reuse reads the fake one.
        ValidateLifetime = false,
    };

    string Token(TimeSpan lifetime) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "https://identity.test",
        Audience = AccreditationClaims.Audience,
        Subject = new ClaimsIdentity([new Claim(AccreditationClaims.Subject, "state-aut"), new Claim(AccreditationClaims.Role, Roles.State)]),
        NotBefore = _clock.GetUtcNow().UtcDateTime.AddMinutes(-1),
        IssuedAt = _clock.GetUtcNow().UtcDateTime.AddMinutes(-1),
        Expires = _clock.GetUtcNow().UtcDateTime + lifetime,
        SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
    });

    [Fact]
    public async Task A_valid_token_is_validated_once_and_its_result_reused_while_it_lasts()
    {
        var cache = new ValidatedTokenCache(_clock);
        var token = Token(TimeSpan.FromMinutes(15));
        var first = await cache.ValidateTokenAsync(token, Parameters(Key));
        // A second call that could not validate (no key) still succeeds: the first result is reused.
        var second = await cache.ValidateTokenAsync(token, Parameters(new RsaSecurityKey(RSA.Create(2048))));
        Assert.True(first.IsValid);
        Assert.Same(first, second);
        Assert.Equal("state-aut", second.ClaimsIdentity.FindFirst(AccreditationClaims.Subject)?.Value);
    }

    [Fact]
    public async Task A_result_is_not_reused_beyond_the_longest_reuse_nor_beyond_the_token_expiry()
    {
        var cache = new ValidatedTokenCache(_clock);
        var longToken = Token(TimeSpan.FromMinutes(15));
        var shortToken = Token(TimeSpan.FromSeconds(30));
        await cache.ValidateTokenAsync(longToken, Parameters(Key));
        await cache.ValidateTokenAsync(shortToken, Parameters(Key));
        var otherKey = Parameters(new RsaSecurityKey(RSA.Create(2048)));

        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.False((await cache.ValidateTokenAsync(shortToken, otherKey)).IsValid);
        Assert.True((await cache.ValidateTokenAsync(longToken, otherKey)).IsValid);

        _clock.Advance(ValidatedTokenCache.MaxReuse);
        Assert.False((await cache.ValidateTokenAsync(longToken, otherKey)).IsValid);
    }

    [Fact]
    public async Task A_refused_token_is_not_remembered()
    {
        var cache = new ValidatedTokenCache(_clock);
        var token = Token(TimeSpan.FromMinutes(15));
        Assert.False((await cache.ValidateTokenAsync(token, Parameters(new RsaSecurityKey(RSA.Create(2048))))).IsValid);
        Assert.True((await cache.ValidateTokenAsync(token, Parameters(Key))).IsValid);
    }
}
