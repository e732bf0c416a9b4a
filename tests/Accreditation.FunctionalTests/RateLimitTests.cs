using System.Net;
using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Core;
using ObjectionsV1 = Accreditation.Objections.V1;

namespace Accreditation.FunctionalTests;

/// <summary>Bursts against sign-in and objection filing are cut at the gateway; other callers are unaffected.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    readonly SystemFixture _system = new(new Dictionary<string, string?>
    {
        ["Gateway:RateLimits:SignIn:PermitLimit"] = "4",
        ["Gateway:RateLimits:Objections:PermitLimit"] = "2",
    });

    public Task InitializeAsync() => _system.InitializeAsync();
    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task A_burst_of_objections_is_resource_exhausted_for_that_state_only_and_a_burst_of_sign_ins_is_429()
    {
        var austria = await _system.StateTokenAsync("AUT");
        var brazil = await _system.StateTokenAsync("BRA");
        var objections = new Clients(_system).Objections;
        Task<ObjectionsV1.FileObjectionResponse> File(string token) => objections.FileObjectionAsync(
            new ObjectionsV1.FileObjectionRequest { ApplicationId = Guid.NewGuid().ToString() }, SystemFixture.Bearer(token)).ResponseAsync;

        for (var i = 0; i < 2; i++)
            Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => File(austria))).StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, (await Assert.ThrowsAsync<RpcException>(() => File(austria))).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => File(brazil))).StatusCode);

        // Two sign-ins were spent above; two more pass, the next is refused with 429.
        await _system.StateTokenAsync("KEN");
        await _system.StateTokenAsync("MEX");
        using var refused = await _system.Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "state-aut", ["client_secret"] = "whatever",
        }));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
    }
}
