using System.Net;
using System.Net.Sockets;
using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Accreditation.FunctionalTests.Gateway;

/// <summary>
/// The real gateway in front of two stand-in replicas of Registration (h2c, as the services
/// listen, each answering with its name): calls reach both; a stopped replica is taken out and
/// the other answers every call; started again, it gets calls again.
/// </summary>
public sealed class GatewayFailoverTests : IAsyncLifetime
{
    const string Path = "/.well-known/accreditation-ledger.json"; // a Registration route that needs no token
    readonly int[] _replicaPorts = [FreePort(), FreePort()];
    readonly WebApplication?[] _replicas = new WebApplication?[2];
    WebApplication _gateway = null!;
    HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        await StartReplicaAsync(0);
        await StartReplicaAsync(1);
        int gatewayHttp = FreePort(), gatewayGrpc = FreePort();
        var gateway = WebApplication.CreateBuilder();
        gateway.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:HttpUrl"] = $"http://127.0.0.1:{gatewayHttp}",
            ["Gateway:GrpcUrl"] = $"http://127.0.0.1:{gatewayGrpc}",
            ["Gateway:HealthChecks:Interval"] = "00:00:00.200",
            ["Gateway:HealthChecks:ReactivationPeriod"] = "00:00:01",
            ["Services:Registration"] = string.Join(',', _replicaPorts.Select(p => $"http://127.0.0.1:{p}")),
            // Nobody listens there: these clusters only need an address.
            ["Services:Identity"] = "http://127.0.0.1:9",
            ["Services:Objections"] = "http://127.0.0.1:9",
            ["Services:Notifications"] = "http://127.0.0.1:9",
            ["Services:Portal"] = "http://127.0.0.1:9",
        });
        gateway.Logging.ClearProviders();
        gateway.AddGateway();
        _gateway = gateway.Build();
        _gateway.MapGateway();
        await _gateway.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gatewayHttp}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
        foreach (var replica in _replicas)
            if (replica is not null)
                await replica.DisposeAsync();
    }

    async Task StartReplicaAsync(int index)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, _replicaPorts[index], l => l.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        var replica = builder.Build();
        replica.MapGet("/healthz", () => "Healthy");
        replica.MapGet(Path, () => $"registration-{index + 1}");
        await replica.StartAsync();
        _replicas[index] = replica;
    }

    async Task StopReplicaAsync(int index)
    {
        await _replicas[index]!.DisposeAsync();
        _replicas[index] = null;
    }

    /// <summary>Who answered a call, or the gateway's status when no replica did.</summary>
    async Task<string> CallAsync()
    {
        using var response = await _http.GetAsync(Path);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : $"HTTP {(int)response.StatusCode}";
    }

    async Task<List<string>> CallsAsync(int count)
    {
        var answers = new List<string>();
        for (var i = 0; i < count; i++)
            answers.Add(await CallAsync());
        return answers;
    }

    [Fact]
    public async Task Calls_are_spread_over_the_replicas_a_stopped_one_is_taken_out_and_a_restarted_one_comes_back()
    {
        var both = await SystemFixture.EventuallyAsync(() => CallsAsync(40), a => a.Distinct().Count() == 2, "calls answered by both replicas");
        Assert.Equal(["registration-1", "registration-2"], both.Distinct().Order());

        await StopReplicaAsync(0);
        // Once the probe has seen it gone, every call is answered by the other replica.
        await SystemFixture.EventuallyAsync(() => CallsAsync(10), a => a.All(x => x == "registration-2"), "the stopped replica to be taken out");
        Assert.All(await CallsAsync(40), answer => Assert.Equal("registration-2", answer));

        await StartReplicaAsync(0);
        await SystemFixture.EventuallyAsync(() => CallsAsync(40), a => a.Contains("registration-1"), "the restarted replica to get calls again");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
