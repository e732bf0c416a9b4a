using System.Net.Http.Json;
using System.Text.Json;

namespace Accreditation.TestSupport;

/// <summary>The OAuth token endpoint (/connect/token) as a client posts to it.</summary>
public static class TokenEndpoint
{
    /// <summary>Posts the form; the body is the token response or the OAuth error.</summary>
    public static async Task<(bool Ok, JsonElement Body)> RequestAsync(HttpClient http, Dictionary<string, string> form)
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        return (response.IsSuccessStatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>The access token the form earns, or an exception naming the endpoint's answer.</summary>
    public static async Task<string> AccessTokenAsync(HttpClient http, Dictionary<string, string> form)
    {
        var (ok, body) = await RequestAsync(http, form);
        if (!ok)
            throw new InvalidOperationException($"Token request failed: {body}");
        return body.GetProperty("access_token").GetString()!;
    }
}
