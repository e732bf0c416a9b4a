using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.ServiceDefaults.Configuration;

/// <summary>
/// gRPC clients of a service that may run as several replicas (<see cref="ServicesOptions"/>: one
/// address, or several with ',' between them). One address is called as it is; several sit behind
/// gRPC's own round-robin balancer over a static resolver, which sends each call to a replica whose
/// connection is up, so a replica that is down (killed, restarting) costs no call.
/// </summary>
public static class ReplicaChannels
{
    /// <summary>A client of <paramref name="service"/> (the name in its channel's address) balanced over <paramref name="replicas"/>.</summary>
    public static IHttpClientBuilder AddReplicatedGrpcClient<TClient>(this IServiceCollection services, string service, IReadOnlyList<Uri> replicas)
        where TClient : class
    {
        if (replicas.Count == 0)
            throw ServicesOptions.Missing(service);
        if (replicas.Count == 1)
            return services.AddGrpcClient<TClient>(o => o.Address = replicas[0]);
        Directory(services).Add(service, replicas);
        return services.AddGrpcClient<TClient>(o => o.Address = new Uri($"static:///{service.ToLowerInvariant()}"))
            .ConfigureChannel((provider, channel) => Balance(channel, provider, replicas));
    }

    static void Balance(GrpcChannelOptions channel, IServiceProvider provider, IReadOnlyList<Uri> replicas)
    {
        // Where the channel finds the static resolver.
        channel.ServiceProvider = provider;
        // The replicas listen in cleartext HTTP/2, as their http:// says.
        channel.Credentials = replicas[0].Scheme == Uri.UriSchemeHttps ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
        // A replica that just died may still look connected, and one just back may wait out a
        // reconnect backoff (two minutes at most by default): a call refused as Unavailable (no
        // replica took it) is tried again on the next pick, and a restarted replica within a second.
        channel.ServiceConfig = new ServiceConfig
        {
            LoadBalancingConfigs = { new RoundRobinConfig() },
            MethodConfigs =
            {
                new MethodConfig
                {
                    Names = { MethodName.Default },
                    RetryPolicy = new RetryPolicy
                    {
                        MaxAttempts = 5,
                        InitialBackoff = TimeSpan.FromMilliseconds(200),
                        MaxBackoff = TimeSpan.FromSeconds(2),
                        BackoffMultiplier = 2,
                        RetryableStatusCodes = { StatusCode.Unavailable },
                    },
                },
            },
        };
        channel.InitialReconnectBackoff = TimeSpan.FromMilliseconds(200);
        channel.MaxReconnectBackoff = TimeSpan.FromSeconds(1);
    }

    /// <summary>The one resolver of the container, which knows every replicated service's addresses.</summary>
    static ReplicaDirectory Directory(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => !d.IsKeyedService && d.ImplementationInstance is ReplicaDirectory)?.ImplementationInstance is ReplicaDirectory known)
            return known;
        var directory = new ReplicaDirectory();
        services.AddSingleton(directory);
        services.AddSingleton<ResolverFactory>(new StaticResolverFactory(directory.Of));
        return directory;
    }

    /// <summary>Each service's replicas, by the path of its channel's address (static:///registration).</summary>
    sealed class ReplicaDirectory
    {
        readonly Dictionary<string, IReadOnlyList<Uri>> _replicas = new(StringComparer.OrdinalIgnoreCase);

        public void Add(string service, IReadOnlyList<Uri> replicas)
        {
            if (_replicas.TryGetValue(service, out var known) && !known.SequenceEqual(replicas))
                throw new InvalidOperationException($"{ServicesOptions.Section}:{service} was given two different lists of replicas.");
            _replicas[service] = replicas;
        }

        public IEnumerable<BalancerAddress> Of(Uri address) =>
            _replicas.TryGetValue(address.AbsolutePath.Trim('/'), out var replicas)
                ? replicas.Select(r => new BalancerAddress(r.Host, r.Port))
                : throw new InvalidOperationException($"No replicas are known for {address}.");
    }
}
