using System.Net;
using System.Net.Http.Json;
using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Core;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Abuse;

/// <summary>A budget belongs to the endpoint, not to the way its path is written.</summary>
public sealed class RouteBudgetTests : IAsyncLifetime
{
    const int SignInBudget = 5;

    readonly SystemFixture _system = new(new Dictionary<string, string?>
    {
        ["Gateway:RateLimits:SignIn:PermitLimit"] = SignInBudget.ToString(),
        ["Gateway:RateLimits:Objections:PermitLimit"] = "3",
    });

    public Task InitializeAsync() => _system.InitializeAsync();
    public Task DisposeAsync() => _system.DisposeAsync();

    static readonly string[] SignUpSpellings = ["/v1/accounts", "/v1/accounts/", "/V1/ACCOUNTS", "/v1/Accounts/"];
    // ':' percent-encoded (%3A), which the client keeps as written and the server decodes.
    static readonly string[] ResendSpellings = ["/v1/accounts%3AresendConfirmation", "/v1/ACCOUNTS:resendconfirmation/"];

    [Fact]
    public async Task Every_spelling_of_sign_up_and_resend_reaches_its_call_and_draws_on_the_one_sign_in_budget()
    {
        // Within the budget, each spelling is a call like any other.
        foreach (var path in SignUpSpellings)
            Assert.Equal(HttpStatusCode.OK, await SignUpAsync(path));
        Assert.Equal(HttpStatusCode.OK, await ResendAsync(ResendSpellings[0]));
        // Spent: none of them gets through any more, nor does the token endpoint, however written.
        foreach (var path in SignUpSpellings.Append("/v1//accounts//"))
            Assert.Equal(HttpStatusCode.TooManyRequests, await SignUpAsync(path));
        foreach (var path in ResendSpellings)
            Assert.Equal(HttpStatusCode.TooManyRequests, await ResendAsync(path));
        using var token = await _system.Http.PostAsync("/CONNECT/token/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "state-aut", ["client_secret"] = "whatever",
        }));
        Assert.Equal(HttpStatusCode.TooManyRequests, token.StatusCode);
        // No proxy is configured as known: a caller's own X-Forwarded-For does not make it someone else.
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignUpAsync("/v1/accounts", forwardedFor: "192.0.2.77"));
    }

    [Fact]
    public async Task The_portals_sign_in_forms_in_every_language_draw_on_the_sign_in_budget_and_reading_them_does_not()
    {
        var paths = new[] { "/en/sign-in", "/fr/sign-in", "/es/SIGN-IN/", "/en/forgot-password", "/fr/sign-up" };
        // Each try is refused by the portal itself (no antiforgery token) but counts at the edge.
        foreach (var path in paths)
        {
            using var response = await _system.Http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@example.org" }));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        }
        using var spent = await _system.Http.PostAsync("/es/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.TooManyRequests, spent.StatusCode);
        using var page = await _system.Http.GetAsync("/es/sign-in");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Objection_filing_is_limited_over_grpc_and_json_together_whatever_the_spelling()
    {
        var austria = await _system.StateTokenAsync("AUT");
        var objections = new Clients(_system).Objections;
        var unknown = Guid.NewGuid().ToString();
        // One gRPC call and two JSON ones spend the budget of three.
        var grpc = await Assert.ThrowsAsync<RpcException>(() => objections.FileObjectionAsync(
            new Accreditation.Objections.V1.FileObjectionRequest { ApplicationId = unknown }, SystemFixture.Bearer(austria)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, grpc.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await FileJsonAsync("/v1/objections/", austria, unknown));
        Assert.Equal(HttpStatusCode.NotFound, await FileJsonAsync("/V1/Objections", austria, unknown));

        Assert.Equal(HttpStatusCode.TooManyRequests, await FileJsonAsync("/v1/objections", austria, unknown));
        var refused = await Assert.ThrowsAsync<RpcException>(() => objections.FileObjectionAsync(
            new Accreditation.Objections.V1.FileObjectionRequest { ApplicationId = unknown }, SystemFixture.Bearer(austria)).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
    }

    async Task<HttpStatusCode> SignUpAsync(string path, string? forwardedFor = null) => await SignUpThroughAsync(_system, path, forwardedFor);

    internal static async Task<HttpStatusCode> SignUpThroughAsync(SystemFixture system, string path, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(new
            {
                email = $"spelling-{Guid.NewGuid():N}@example.org", password = "Correct-Horse-42", displayName = "Spelling test", language = "en",
            }),
        };
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await system.Http.SendAsync(request);
        return response.StatusCode;
    }

    async Task<HttpStatusCode> ResendAsync(string path)
    {
        using var response = await _system.Http.PostAsJsonAsync(path, new { email = $"resend-{Guid.NewGuid():N}@example.org" });
        return response.StatusCode;
    }

    async Task<HttpStatusCode> FileJsonAsync(string path, string token, string applicationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { applicationId }) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await _system.Http.SendAsync(request);
        return response.StatusCode;
    }
}

/// <summary>Behind a TLS terminator listed as a known proxy, the client is the address it forwards.</summary>
public sealed class KnownProxyTests : IAsyncLifetime
{
    readonly SystemFixture _system = new(new Dictionary<string, string?>
    {
        ["Gateway:RateLimits:SignIn:PermitLimit"] = "2",
        // The tests' own connections come from loopback: they stand in for the terminator.
        ["Gateway:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        ["Gateway:ForwardedHeaders:KnownProxies:1"] = "::ffff:127.0.0.1",
    });

    public Task InitializeAsync() => _system.InitializeAsync();
    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task Each_client_behind_a_known_proxy_has_a_budget_of_its_own()
    {
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, await RouteBudgetTests.SignUpThroughAsync(_system, "/v1/accounts", "192.0.2.10"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await RouteBudgetTests.SignUpThroughAsync(_system, "/v1/accounts", "192.0.2.10"));
        Assert.Equal(HttpStatusCode.OK, await RouteBudgetTests.SignUpThroughAsync(_system, "/v1/accounts", "192.0.2.11"));
    }
}
