using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Gateway;

/// <summary>
/// With Dapr:Enabled, the gateway reaches every service through its own Dapr sidecar (service
/// invocation): gRPC calls to the sidecar's gRPC port with the target in the dapr-app-id metadata
/// (Dapr's gRPC proxying), JSON calls to its HTTP port with the same header. Without it, the
/// services' direct addresses (Services:{Name}) are used.
/// Dapr:GrpcEndpoint / Dapr:HttpEndpoint, else the DAPR_GRPC_PORT / DAPR_HTTP_PORT the sidecar sets.
/// </summary>
public sealed record DaprSidecar(string GrpcEndpoint, string HttpEndpoint)
{
    public const string AppIdHeader = "dapr-app-id";

    public static DaprSidecar? From(IConfiguration configuration)
    {
        var options = configuration.ReadSettings<DaprOptions>(DaprOptions.Section);
        if (!options.Enabled)
            return null;
        // Dapr's own variables and default ports, as its SDK reads them.
        static string Endpoint(string? configured, string portVariable, string fallbackPort) =>
            configured is { Length: > 0 } ? configured : $"http://127.0.0.1:{Environment.GetEnvironmentVariable(portVariable) ?? fallbackPort}";
        return new DaprSidecar(Endpoint(options.GrpcEndpoint, "DAPR_GRPC_PORT", "50001"), Endpoint(options.HttpEndpoint, "DAPR_HTTP_PORT", "3500"));
    }
}
