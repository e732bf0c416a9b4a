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
    public static DaprClient CreateClient(DaprOptions options)
    {
        var client = new DaprClientBuilder();
        if (options.GrpcEndpoint is { Length: > 0 } endpoint)
            client.UseGrpcEndpoint(endpoint);
        return client.Build();
    }

    public static WebApplicationBuilder AddDaprSecrets(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var options = builder.Services.AddSettings<DaprOptions>(configuration, DaprOptions.Section);
        if (!options.Enabled || options.SecretStore is not { Length: > 0 } store)
            return builder;
        using var dapr = CreateClient(options);
        // Start-up is synchronous; a sidecar that does not answer in time fails the start, loudly.
        using var timeout = new CancellationTokenSource(options.SecretsTimeout);
        var secrets = dapr.GetBulkSecretAsync(store, cancellationToken: timeout.Token).GetAwaiter().GetResult();
        configuration.AddInMemoryCollection(secrets.SelectMany(secret => secret.Value)
            .Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)));
        return builder;
    }
}
