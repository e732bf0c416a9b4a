using Accreditation.ServiceDefaults.Configuration;
using Dapr.Client.Autogen.Grpc.v1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Accreditation.UnitTests.Dapr;

/// <summary>
/// Secrets from the Dapr secret store, against the sidecar's contract: an in-process stand-in for
/// dapr.proto.runtime.v1.Dapr/GetBulkSecret (daprd itself is not installable here).
/// </summary>
public sealed class DaprSecretsTests : IAsyncLifetime
{
    readonly List<GetBulkSecretRequest> _received = [];
    SidecarStandIn _sidecar = null!;

    public async Task InitializeAsync() =>
        _sidecar = await SidecarStandIn.StartAsync(app => app.MapPost("/dapr.proto.runtime.v1.Dapr/GetBulkSecret", HandleAsync));

    public async Task DisposeAsync() => await _sidecar.DisposeAsync();

    [Fact]
    public void With_dapr_on_the_secret_store_fills_the_configuration_over_local_values()
    {
        var builder = Builder(new()
        {
            ["Dapr:Enabled"] = "true",
            ["Dapr:SecretStore"] = "secretstore",
            ["Bus:RabbitMq:Password"] = "local value",
            ["Bus:RabbitMq:Host"] = "broker.internal",
        });

        builder.AddDaprSecrets();

        Assert.Equal("secretstore", Assert.Single(_received).StoreName);
        Assert.Equal("from the store", builder.Configuration["Bus:RabbitMq:Password"]);
        Assert.Equal("officer secret", builder.Configuration["Identity:Clients:0:ClientSecret"]);
        Assert.Equal("broker.internal", builder.Configuration["Bus:RabbitMq:Host"]);
    }

    [Fact]
    public void With_dapr_off_no_sidecar_is_asked_and_local_configuration_stands()
    {
        var builder = Builder(new() { ["Dapr:Enabled"] = "false", ["Dapr:SecretStore"] = "secretstore", ["Bus:RabbitMq:Password"] = "local value" });

        builder.AddDaprSecrets();

        Assert.Empty(_received);
        Assert.Equal("local value", builder.Configuration["Bus:RabbitMq:Password"]);
    }

    WebApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        settings["Dapr:GrpcEndpoint"] = _sidecar.Endpoint;
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    /// <summary>Answers like a local.file store with nestedSeparator ':': one secret per flattened key.</summary>
    async Task HandleAsync(HttpContext context)
    {
        _received.Add(await SidecarStandIn.ReadAsync(context, GetBulkSecretRequest.Parser));
        var response = new GetBulkSecretResponse();
        foreach (var (key, value) in new Dictionary<string, string> { ["Bus:RabbitMq:Password"] = "from the store", ["Identity:Clients:0:ClientSecret"] = "officer secret" })
            response.Data[key] = new SecretResponse { Secrets = { [key] = value } };
        await SidecarStandIn.ReplyAsync(context, response);
    }
}
