using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Accreditation.Gateway;
using Google.Protobuf;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Accounts = Accreditation.Identity.V1;

namespace Accreditation.FunctionalTests.Dapr;

/// <summary>
/// The gateway with the Dapr switch on, against the sidecar's contract (daprd cannot run here): an
/// in-process stand-in listens where the sidecar would (gRPC port and HTTP port) and records what
/// the gateway sends it. Dapr service invocation routes by the dapr-app-id header.
/// </summary>
public sealed class DaprInvocationTests : IAsyncLifetime
{
    readonly ConcurrentQueue<(string Port, string Path, string? AppId)> _received = new();
    WebApplication _sidecar = null!;
    WebApplication _gateway = null!;
    int _gatewayHttp, _gatewayGrpc;

    public async Task InitializeAsync()
    {
        int sidecarGrpc = LoopbackPorts.Free(), sidecarHttp = LoopbackPorts.Free();
        _gatewayHttp = LoopbackPorts.Free();
        _gatewayGrpc = LoopbackPorts.Free();

        var sidecar = WebApplication.CreateSlimBuilder();
        sidecar.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, sidecarGrpc, l => l.Protocols = HttpProtocols.Http2);
            k.Listen(IPAddress.Loopback, sidecarHttp, l => l.Protocols = HttpProtocols.Http1);
        });
        _sidecar = sidecar.Build();
        _sidecar.MapPost("/accreditation.identity.v1.AccountService/SignUp", async context =>
        {
            Record("grpc", context);
            var payload = new Accounts.SignUpResponse { Account = new Accounts.Account { Email = "answered@sidecar" } }.ToByteArray();
            var frame = new byte[5 + payload.Length];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), payload.Length);
            payload.CopyTo(frame, 5);
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(frame);
            context.Response.AppendTrailer("grpc-status", "0");
        });
        _sidecar.MapPost("/connect/token", context =>
        {
            Record("http", context);
            return context.Response.WriteAsJsonAsync(new { access_token = "from-identity-through-dapr" });
        });
        _sidecar.MapPost("/v1/accounts", context =>
        {
            Record("http", context);
            return context.Response.WriteAsJsonAsync(new { account = new { email = "answered@sidecar" } });
        });
        await _sidecar.StartAsync();

        var gateway = WebApplication.CreateBuilder();
        gateway.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:HttpUrl"] = $"http://127.0.0.1:{_gatewayHttp}",
            ["Gateway:GrpcUrl"] = $"http://127.0.0.1:{_gatewayGrpc}",
            ["Dapr:Enabled"] = "true",
            ["Dapr:GrpcEndpoint"] = $"http://127.0.0.1:{sidecarGrpc}",
            ["Dapr:HttpEndpoint"] = $"http://127.0.0.1:{sidecarHttp}",
        });
        gateway.Logging.ClearProviders();
        gateway.AddGateway();
        _gateway = gateway.Build();
        _gateway.MapGateway();
        await _gateway.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _sidecar.DisposeAsync();
    }

    void Record(string port, HttpContext context) =>
        _received.Enqueue((port, context.Request.Path, context.Request.Headers[DaprSidecar.AppIdHeader].FirstOrDefault()));

    [Fact]
    public async Task With_dapr_on_a_grpc_call_goes_to_the_sidecar_grpc_port_naming_the_target_app()
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{_gatewayGrpc}");
        var response = await new Accounts.AccountService.AccountServiceClient(channel).SignUpAsync(
            new Accounts.SignUpRequest { Email = "someone@example.org" }, deadline: DateTime.UtcNow.AddSeconds(30));

        Assert.Equal("answered@sidecar", response.Account.Email);
        Assert.Equal(("grpc", "/accreditation.identity.v1.AccountService/SignUp", "identity"), Assert.Single(_received));
    }

    [Fact]
    public async Task With_dapr_on_json_calls_and_the_token_endpoint_go_to_the_sidecar_http_port_naming_the_target_app()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_gatewayHttp}") };
        using var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }));
        using var signUp = await http.PostAsJsonAsync("/v1/accounts", new { email = "someone@example.org" });

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Contains("from-identity-through-dapr", await token.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, signUp.StatusCode);
        Assert.Equal([("http", "/connect/token", "identity"), ("http", "/v1/accounts", "identity")], _received.ToArray());
    }

    [Fact]
    public void With_dapr_off_every_route_goes_straight_to_the_service_address_without_an_app_id()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Services:Identity"] = "http://10.0.0.1:5101",
            ["Services:Registration"] = "http://10.0.0.2:5102",
            ["Services:Objections"] = "http://10.0.0.3:5103",
            ["Services:Notifications"] = "http://10.0.0.4:5104",
        }).Build();
        Assert.Null(DaprSidecar.From(settings));

        var (routes, clusters) = GatewayRoutes.Build(GatewayRoutes.Backends(settings), DaprSidecar.From(settings));

        Assert.Equal(["http://10.0.0.1:5101", "http://10.0.0.2:5102", "http://10.0.0.3:5103", "http://10.0.0.4:5104"],
            clusters.Select(c => c.Destinations!.Single().Value.Address));
        Assert.All(routes, r => Assert.Null(r.Transforms));
    }
}
