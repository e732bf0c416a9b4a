using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;

namespace Accreditation.Portal.Auth;

/// <summary>Every gRPC call the portal makes carries the signed-in person's access token (none when signed out).</summary>
public sealed class BearerTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (accessor.HttpContext is { } http && await http.GetTokenAsync(SessionTokens.AccessToken) is { Length: > 0 } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, ct);
    }
}
