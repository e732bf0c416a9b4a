using System.Net;
using Accreditation.Bench.Echo;
using Grpc.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Accreditation.Bench.Baseline;

/// <summary>
/// The baseline of every run: a Kestrel gRPC service that answers what it is sent, and a bare YARP
/// proxy in front of it with the gateway's gRPC route shape (path /{service}/{method}, HTTP/2 on
/// both legs, RequestVersionExact). Both run in the bench process, beside the load generator.
/// </summary>
public sealed class EchoBaseline : IAsyncDisposable
{
    readonly WebApplication _echo;
    readonly WebApplication _proxy;

    EchoBaseline(WebApplication echo, WebApplication proxy, Uri direct, Uri proxied)
    {
        _echo = echo;
        _proxy = proxy;
        Direct = direct;
        Proxied = proxied;
    }

    public Uri Direct { get; }
    public Uri Proxied { get; }

    public static async Task<EchoBaseline> StartAsync(CancellationToken ct)
    {
        var echoBuilder = WebApplication.CreateSlimBuilder();
        echoBuilder.Logging.ClearProviders();
        echoBuilder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        echoBuilder.Services.AddGrpc();
        var echo = echoBuilder.Build();
        echo.MapGrpcService<EchoServiceImpl>();
        await echo.StartAsync(ct);
        var direct = new Uri(echo.Urls.First());

        var proxyBuilder = WebApplication.CreateSlimBuilder();
        proxyBuilder.Logging.ClearProviders();
        proxyBuilder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        proxyBuilder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "grpc-echo", ClusterId = "echo", Match = new RouteMatch { Path = $"/{EchoService.Descriptor.FullName}/{{method}}" } }],
            [new ClusterConfig
            {
                ClusterId = "echo",
                Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = direct.ToString() } },
                HttpRequest = new ForwarderRequestConfig { Version = new Version(2, 0), VersionPolicy = HttpVersionPolicy.RequestVersionExact },
            }]);
        var proxy = proxyBuilder.Build();
        proxy.MapReverseProxy();
        await proxy.StartAsync(ct);
        return new EchoBaseline(echo, proxy, direct, new Uri(proxy.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.StopAsync();
        await _proxy.DisposeAsync();
        await _echo.StopAsync();
        await _echo.DisposeAsync();
    }
}

sealed class EchoServiceImpl : EchoService.EchoServiceBase
{
    public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoResponse { Text = request.Text });
}
