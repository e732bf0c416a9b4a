namespace Accreditation.ServiceDefaults.Configuration;

/// <summary>The process's Dapr sidecar (section Dapr), used only with Enabled.</summary>
public sealed class DaprOptions
{
    public const string Section = "Dapr";

    /// <summary>Secrets from the sidecar's store; the gateway reaches the services through it.</summary>
    public bool Enabled { get; set; }

    /// <summary>The secret store component's name ("secretstore" in dapr/components); none: local configuration only.</summary>
    public string? SecretStore { get; set; }

    /// <summary>How long the start waits for the secrets.</summary>
    [Positive]
    public TimeSpan SecretsTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The sidecar's gRPC address; unset: DAPR_GRPC_PORT on 127.0.0.1 (50001).</summary>
    [HttpAddress]
    public string? GrpcEndpoint { get; set; }

    /// <summary>The sidecar's HTTP address (the gateway's JSON calls); unset: DAPR_HTTP_PORT on 127.0.0.1 (3500).</summary>
    [HttpAddress]
    public string? HttpEndpoint { get; set; }
}
