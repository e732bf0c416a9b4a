using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Accreditation.Portal.Auth;

/// <summary>What Identity's token endpoint answered: tokens, or the OAuth error it gave.</summary>
public sealed record TokenResult(string? AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt, string? Error, string? ErrorDescription)
{
    public bool Succeeded => AccessToken is not null;
}

/// <summary>
/// The portal's side of Identity's /connect/token: the password grant at sign-in and the refresh
/// grant when the access token runs out. The portal is client "portal"; the tokens stay on the server.
/// </summary>
public sealed class IdentityTokens(HttpClient http, TimeProvider clock)
{
    public const string ClientId = "portal";
    const string TokenPath = "connect/token";

    public Task<TokenResult> SignInAsync(string email, string password, IPAddress? person, CancellationToken ct) =>
        RequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = ClientId,
            ["username"] = email,
            ["password"] = password,
            // offline_access asks for a refresh token: the session outlives one access token.
            ["scope"] = "offline_access",
        }, person, ct);

    public Task<TokenResult> RefreshAsync(string refreshToken, CancellationToken ct) =>
        RequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = ClientId,
            ["refresh_token"] = refreshToken,
        }, person: null, ct);

    async Task<TokenResult> RequestAsync(Dictionary<string, string> form, IPAddress? person, CancellationToken ct)
    {
        // Identity listens with HTTP/2 only (it serves gRPC too): h2c, on this message itself.
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenPath)
        {
            Content = new FormUrlEncodedContent(form),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        // Identity's sign-in throttle keys on the person's address, not the portal's.
        if (person is not null)
            request.Headers.Add("X-Forwarded-For", person.ToString());
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        TokenResponse body;
        try
        {
            body = JsonSerializer.Deserialize<TokenResponse>(text) ?? throw new JsonException("empty body");
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"Identity's token endpoint answered {(int)response.StatusCode} with no OAuth answer: {text[..Math.Min(200, text.Length)]}");
        }
        if (!response.IsSuccessStatusCode || body.AccessToken is null)
            return new TokenResult(null, null, default, body.Error ?? "server_error", body.ErrorDescription);
        return new TokenResult(body.AccessToken, body.RefreshToken, clock.GetUtcNow().AddSeconds(body.ExpiresIn ?? 0), null, null);
    }

    sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? ErrorDescription);
}
