using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Core;
using Accounts = Accreditation.Identity.V1;

namespace Accreditation.FunctionalTests.Identity;

/// <summary>The token endpoint, discovery and accounts, through the gateway like every client.</summary>
[Collection(SystemCollection.Name)]
public sealed class TokenTests(SystemFixture system)
{
    Accounts.AccountService.AccountServiceClient AccountsApi => new(system.Grpc);

    [Fact]
    public async Task A_state_client_token_carries_its_role_and_state_for_the_accreditation_services()
    {
        var claims = Payload(await system.StateTokenAsync("AUT"));

        Assert.Equal("state-aut", claims.GetProperty("sub").GetString());
        Assert.Equal("state", claims.GetProperty("role").GetString());
        Assert.Equal("AUT", claims.GetProperty("state").GetString());
        Assert.Equal("accreditation", claims.GetProperty("aud").GetString());
    }

    [Fact]
    public async Task A_staff_client_token_names_no_state()
    {
        var claims = Payload(await system.AuditorTokenAsync());

        Assert.Equal("auditor", claims.GetProperty("role").GetString());
        Assert.False(claims.TryGetProperty("state", out _));
    }

    [Fact]
    public async Task A_wrong_client_secret_gets_no_token()
    {
        var (ok, body) = await TokenRequestAsync(new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "state-aut", ["client_secret"] = "not-the-secret",
        });

        Assert.False(ok);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_state_client_may_not_use_the_password_grant()
    {
        var state = system.System.Credentials.Clients.First(c => c.Role == "state");
        var (ok, body) = await TokenRequestAsync(new()
        {
            ["grant_type"] = "password", ["client_id"] = state.ClientId, ["client_secret"] = state.ClientSecret,
            ["username"] = "someone@example.org", ["password"] = "Correct-Horse-42",
        });

        Assert.False(ok);
        Assert.Equal("unauthorized_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_signed_up_user_signs_in_with_the_portal_and_reads_its_account()
    {
        var user = await system.SignUpOrganizationUserAsync(language: "es");

        var claims = Payload(user.Token);
        Assert.Equal(user.Subject, claims.GetProperty("sub").GetString());
        Assert.Equal("organization", claims.GetProperty("role").GetString());

        var account = (await AccountsApi.GetMyAccountAsync(new Accounts.GetMyAccountRequest(), user.Call)).Account;
        Assert.Equal(user.Email, account.Email);
        Assert.Equal("es", account.Language);

        using var json = new HttpRequestMessage(HttpMethod.Get, "/v1/accounts/me");
        json.Headers.Authorization = new("Bearer", user.Token);
        using var response = await system.Http.SendAsync(json);
        response.EnsureSuccessStatusCode();
        Assert.Equal(user.Subject, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account").GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Sign_up_names_the_offending_field_and_answers_a_taken_address_as_a_new_one_without_making_a_second_account()
    {
        var user = await system.SignUpOrganizationUserAsync();

        // The same answer as for a new address, so sign-up does not tell a stranger who has an account.
        var taken = (await SignUpAsync(user.Email.ToUpperInvariant(), "Another-Horse-42")).Account;
        var fresh = (await SignUpAsync($"fresh-{Guid.NewGuid():N}@example.org", "Another-Horse-42")).Account;
        Assert.Equal("", taken.Subject);
        Assert.Equal("", fresh.Subject);
        Assert.False(taken.EmailConfirmed);
        Assert.False(fresh.EmailConfirmed);
        // No second account: the owner's password still signs in, the stranger's does not.
        Assert.True((await PasswordAsync(user.Email, "Correct-Horse-42")).Ok);
        Assert.False((await PasswordAsync(user.Email, "Another-Horse-42")).Ok);

        // A weak password is refused whoever has the address.
        var weakTaken = await Assert.ThrowsAsync<RpcException>(() => SignUpAsync(user.Email, "short"));
        var weak = await Assert.ThrowsAsync<RpcException>(() => SignUpAsync($"weak-{Guid.NewGuid():N}@example.org", "short"));
        Assert.Equal(StatusCode.InvalidArgument, weak.StatusCode);
        Assert.StartsWith("password:", weak.Status.Detail);
        Assert.Equal(weak.Status.Detail, weakTaken.Status.Detail);

        var email = await Assert.ThrowsAsync<RpcException>(() => SignUpAsync("not-an-address", "Correct-Horse-42"));
        Assert.Equal(StatusCode.InvalidArgument, email.StatusCode);
        Assert.StartsWith("email:", email.Status.Detail);

        var language = await Assert.ThrowsAsync<RpcException>(() => SignUpAsync($"lang-{Guid.NewGuid():N}@example.org", "Correct-Horse-42", "de"));
        Assert.Equal(StatusCode.InvalidArgument, language.StatusCode);
        Assert.StartsWith("language:", language.Status.Detail);
    }

    [Fact]
    public async Task An_unknown_address_and_a_wrong_password_get_the_same_answer()
    {
        var user = await system.SignUpOrganizationUserAsync();

        var (_, wrongPassword) = await PasswordAsync(user.Email, "Wrong-Horse-42");
        var (_, unknown) = await PasswordAsync($"nobody-{Guid.NewGuid():N}@example.org", "Wrong-Horse-42");

        Assert.Equal(wrongPassword.GetProperty("error_description").GetString(), unknown.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Only_a_person_has_an_account_to_read_not_an_api_client()
    {
        var anonymous = await Assert.ThrowsAsync<RpcException>(() =>
            AccountsApi.GetMyAccountAsync(new Accounts.GetMyAccountRequest(), SystemFixture.Anonymous).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);

        var state = await Assert.ThrowsAsync<RpcException>(async () =>
            await AccountsApi.GetMyAccountAsync(new Accounts.GetMyAccountRequest(), SystemFixture.Bearer(await system.StateTokenAsync("KEN"))).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, state.StatusCode);
    }

    [Fact]
    public async Task Discovery_publishes_the_token_endpoint_and_the_signing_key()
    {
        var configuration = await system.Http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        Assert.EndsWith("/connect/token", configuration.GetProperty("token_endpoint").GetString());

        var keys = await system.Http.GetFromJsonAsync<JsonElement>("/.well-known/jwks");
        var kid = Header(await system.OfficerTokenAsync()).GetProperty("kid").GetString();
        Assert.Contains(keys.GetProperty("keys").EnumerateArray(), key => key.GetProperty("kid").GetString() == kid);
    }

    Task<Accounts.SignUpResponse> SignUpAsync(string email, string password, string language = "en") =>
        AccountsApi.SignUpAsync(new Accounts.SignUpRequest { Email = email, Password = password, Language = language }, SystemFixture.Anonymous).ResponseAsync;

    Task<(bool Ok, JsonElement Body)> PasswordAsync(string email, string password) => TokenRequestAsync(new()
    {
        ["grant_type"] = "password", ["client_id"] = "portal", ["username"] = email, ["password"] = password,
    });

    Task<(bool Ok, JsonElement Body)> TokenRequestAsync(Dictionary<string, string> form) => system.TokenRequestAsync(form);

    static JsonElement Header(string jwt) => Part(jwt, 0);
    internal static JsonElement Payload(string jwt) => Part(jwt, 1);

    static JsonElement Part(string jwt, int index)
    {
        var part = jwt.Split('.')[index].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part))).RootElement.Clone();
    }
}
