using System.Net;
using System.Net.Sockets;
using Accreditation.Portal;
using Accreditation.Portal.Services;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.UnitTests.Configuration;

/// <summary>
/// The portal's gRPC clients as the portal registers them, with Services:Registration listing two
/// replicas (stand-ins, h2c as the services listen, each answering with its name): calls reach
/// both, and with one of them down every call is answered by the other.
/// </summary>
public sealed class PortalClientsOverReplicasTests : IAsyncLifetime
{
    readonly int[] _ports = [FreePort(), FreePort()];
    readonly WebApplication?[] _replicas = new WebApplication?[2];
    ServiceProvider _portal = null!;

    public async Task InitializeAsync()
    {
        await StartReplicaAsync(0);
        await StartReplicaAsync(1);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Services:Registration"] = string.Join(',', _ports.Select(p => $"http://127.0.0.1:{p}")),
            // Never called here: these only need an address.
            ["Services:Identity"] = "http://127.0.0.1:9",
            ["Services:Objections"] = "http://127.0.0.1:9",
            ["Services:Notifications"] = "http://127.0.0.1:9",
            ["Portal:KeysDirectory"] = Path.GetTempPath(),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHttpContextAccessor();
        services.AddTransient<Accreditation.Portal.Auth.BearerTokenHandler>();
        services.AddServiceClients(PortalSettings.From(configuration));
        _portal = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        foreach (var replica in _replicas)
            if (replica is not null)
                await replica.DisposeAsync();
    }

    [Fact]
    public async Task The_portals_calls_are_spread_over_both_replicas()
    {
        var answered = await AnswersAsync(calls: 10);

        Assert.Equal(["registration-1", "registration-2"], answered.Distinct().Order());
    }

    [Fact]
    public async Task With_the_first_replica_down_every_portal_call_is_answered_by_the_other()
    {
        await AnswersAsync(calls: 2);
        await _replicas[0]!.DisposeAsync();
        _replicas[0] = null;

        var answered = await AnswersAsync(calls: 10);

        Assert.All(answered, name => Assert.Equal("registration-2", name));
    }

    [Fact]
    public async Task A_portal_that_starts_while_the_first_replica_is_down_is_answered_by_the_other()
    {
        // The first address is the one a portal without balancing would call.
        await _replicas[0]!.DisposeAsync();
        _replicas[0] = null;

        var answered = await AnswersAsync(calls: 10);

        Assert.All(answered, name => Assert.Equal("registration-2", name));
    }

    async Task<List<string>> AnswersAsync(int calls)
    {
        var client = _portal.GetRequiredService<RegistrationV1.PublicDialogueService.PublicDialogueServiceClient>();
        var answered = new List<string>();
        for (var i = 0; i < calls; i++)
        {
            var response = await client.ListPublicDialoguesAsync(new RegistrationV1.ListPublicDialoguesRequest(), deadline: DateTime.UtcNow.AddSeconds(20));
            answered.Add(response.NextPageToken);
        }
        return answered;
    }

    async Task StartReplicaAsync(int index)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, _ports[index], l => l.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new ReplicaName($"registration-{index + 1}"));
        var replica = builder.Build();
        replica.MapGrpcService<PublicDialoguesStandIn>();
        await replica.StartAsync();
        _replicas[index] = replica;
    }

    sealed record ReplicaName(string Name);

    /// <summary>Answers with the replica's name in place of a page token: which replica took the call.</summary>
    sealed class PublicDialoguesStandIn(ReplicaName replica) : RegistrationV1.PublicDialogueService.PublicDialogueServiceBase
    {
        public override Task<RegistrationV1.ListPublicDialoguesResponse> ListPublicDialogues(RegistrationV1.ListPublicDialoguesRequest request, ServerCallContext context) =>
            Task.FromResult(new RegistrationV1.ListPublicDialoguesResponse { NextPageToken = replica.Name });
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
