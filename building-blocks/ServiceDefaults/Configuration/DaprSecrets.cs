using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Accreditation.ServiceDefaults.Configuration;

/// <summary>
/// With Dapr:Enabled and Dapr:SecretStore (the component's name, "secretstore" in dapr/components),
/// the store's secrets are read once from the sidecar at start and layered over the configuration.
/// Secret names are configuration keys (the store's nestedSeparator is ':'), e.g.
/// Bus:RabbitMq:Password or Identity:Clients:0:ClientSecret. Without it, local configuration only.
/// </summary>
public static class DaprSecrets
{
    /// <summary>A client of this process's sidecar: Dapr:GrpcEndpoint, or Dapr's own default (DAPR_GRPC_PORT).</summary>
    public static DaprClient CreateClient(IConfiguration configuration)
    {
        var client = new DaprClientBuilder();
        if (configuration["Dapr:GrpcEndpoint"] is { Length: > 0 } endpoint)
            client.UseGrpcEndpoint(endpoint);
        return client.Build();
    }

    public static WebApplicationBuilder AddDaprSecrets(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!configuration.GetValue("Dapr:Enabled", false) || configuration["Dapr:SecretStore"] is not { Length: > 0 } store)
            return builder;
        using var dapr = CreateClient(configuration);
        // Start-up is synchronous; a sidecar that does not answer in time fails the start, loudly.
        using var timeout = new CancellationTokenSource(configuration.GetValue("Dapr:SecretsTimeout", TimeSpan.FromSeconds(30)));
        var secrets = dapr.GetBulkSecretAsync(store, cancellationToken: timeout.Token).GetAwaiter().GetResult();
        configuration.AddInMemoryCollection(secrets.SelectMany(secret => secret.Value)
            .Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)));
        return builder;
    }
}
