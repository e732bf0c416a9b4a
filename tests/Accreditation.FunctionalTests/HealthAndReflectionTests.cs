using System.Net;
using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;

namespace Accreditation.FunctionalTests;

[Collection(SystemCollection.Name)]
public sealed class HealthAndReflectionTests(SystemFixture system)
{
    [Fact]
    public async Task The_gateway_and_every_service_answer_grpc_and_http_health()
    {
        var ports = system.System.Options.Ports;
        foreach (var address in new[] { system.System.GatewayGrpc.ToString() }
                     .Concat(new[] { ports.Identity, ports.Registration, ports.Objections, ports.Notifications }.Select(p => $"http://127.0.0.1:{p}")))
        {
            using var channel = GrpcChannel.ForAddress(address);
            var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), SystemFixture.Anonymous);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);

            // Services speak HTTP/2 only; the gateway's gRPC listener too.
            using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
            using var response = await http.GetAsync($"{address.TrimEnd('/')}/healthz");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        using var gatewayHttp = await system.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, gatewayHttp.StatusCode);
    }

    [Fact]
    public async Task Reflection_through_the_gateway_lists_every_public_service()
    {
        var reflection = new ServerReflection.ServerReflectionClient(system.Grpc);
        using var call = reflection.ServerReflectionInfo(SystemFixture.Anonymous);
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("accreditation.registration.v1.ApplicationService", services);
        Assert.Contains("accreditation.objections.v1.ObjectionService", services);
        Assert.Contains("accreditation.notifications.v1.InboxService", services);
        Assert.Contains("accreditation.identity.v1.AccountService", services);
    }
}
