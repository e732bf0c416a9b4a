using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Core;
using Accounts = Accreditation.Identity.V1;

namespace Accreditation.FunctionalTests.Identity;

/// <summary>The portal keeps people signed in with refresh tokens (scope offline_access) and signs them out with EndSession.</summary>
[Collection(SystemCollection.Name)]
public sealed class SessionTests(SystemFixture system)
{
    const string Password = "Correct-Horse-42";
    Accounts.AccountService.AccountServiceClient AccountsApi => new(system.Grpc);

    [Fact]
    public async Task A_refresh_token_renews_the_sign_in_until_the_person_signs_out()
    {
        var user = await system.SignUpOrganizationUserAsync();
        var (ok, signedIn) = await system.SignInForRefreshAsync(user.Email, Password);
        Assert.True(ok, signedIn.ToString());
        var (otherOk, otherSignIn) = await system.SignInForRefreshAsync(user.Email, Password);
        Assert.True(otherOk);
        var access = signedIn.GetProperty("access_token").GetString()!;

        var (refreshed, renewed) = await system.RefreshAsync(signedIn.GetProperty("refresh_token").GetString()!);
        Assert.True(refreshed, renewed.ToString());
        var renewedAccess = renewed.GetProperty("access_token").GetString()!;
        // The same sign-in (session), the same person, the same claims as a password sign-in's.
        var sid = TokenTests.Payload(access).GetProperty("sid").GetString();
        Assert.False(string.IsNullOrEmpty(sid));
        Assert.Equal(sid, TokenTests.Payload(renewedAccess).GetProperty("sid").GetString());
        Assert.Equal("organization", TokenTests.Payload(renewedAccess).GetProperty("role").GetString());
        Assert.False(TokenTests.Payload(renewedAccess).TryGetProperty("stamp", out _));
        Assert.Equal(user.Subject, (await AccountsApi.GetMyAccountAsync(new(), SystemFixture.Bearer(renewedAccess))).Account.Subject);

        await AccountsApi.EndSessionAsync(new Accounts.EndSessionRequest(), SystemFixture.Bearer(access));

        foreach (var refreshToken in new[] { signedIn.GetProperty("refresh_token").GetString()!, renewed.GetProperty("refresh_token").GetString()! })
        {
            var (again, refusal) = await system.RefreshAsync(refreshToken);
            Assert.False(again);
            Assert.Equal("invalid_grant", refusal.GetProperty("error").GetString());
        }
        // Signing out ends that sign-in only: the person's other session still refreshes, and signing out twice is no error.
        Assert.True((await system.RefreshAsync(otherSignIn.GetProperty("refresh_token").GetString()!)).Ok);
        await AccountsApi.EndSessionAsync(new Accounts.EndSessionRequest(), SystemFixture.Bearer(access));
    }

    [Fact]
    public async Task Without_offline_access_a_sign_in_gets_no_refresh_token_and_api_clients_have_no_session()
    {
        var user = await system.SignUpOrganizationUserAsync();
        var (_, body) = await system.TokenRequestAsync(new()
        {
            ["grant_type"] = "password", ["client_id"] = "portal", ["username"] = user.Email, ["password"] = Password,
        });

        Assert.False(body.TryGetProperty("refresh_token", out _));
        Assert.False(string.IsNullOrEmpty(TokenTests.Payload(body.GetProperty("access_token").GetString()!).GetProperty("sid").GetString()));
        var client = await Assert.ThrowsAsync<RpcException>(async () =>
            await AccountsApi.EndSessionAsync(new Accounts.EndSessionRequest(), SystemFixture.Bearer(await system.OfficerTokenAsync())).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, client.StatusCode);
        var (forged, refusal) = await system.RefreshAsync("not-a-refresh-token");
        Assert.False(forged);
        Assert.Equal("invalid_grant", refusal.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Json_callers_reach_the_account_calls_at_their_http_paths()
    {
        var user = await system.SignUpOrganizationUserAsync();
        async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object body, string? token)
        {
            using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
            if (token is not null)
                request.Headers.Authorization = new("Bearer", token);
            return await system.Http.SendAsync(request);
        }

        using var updated = await SendAsync(HttpMethod.Patch, "/v1/accounts/me", new { language = "fr" }, user.Token);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("fr", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account").GetProperty("language").GetString());
        using var requested = await SendAsync(HttpMethod.Post, "/v1/accounts:requestPasswordReset", new { email = user.Email }, null);
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        using var reset = await SendAsync(HttpMethod.Post, "/v1/accounts:resetPassword", new { email = user.Email, code = "guess", newPassword = "Guessed-Password-1" }, null);
        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        using var ended = await SendAsync(HttpMethod.Post, "/v1/accounts/me:endSession", new { }, user.Token);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        using var listed = await SendAsync(HttpMethod.Get, "/v1/state-users", new { }, await system.AuditorTokenAsync());
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }
}
