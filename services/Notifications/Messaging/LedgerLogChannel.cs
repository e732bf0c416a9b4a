using Grpc.Core;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.Notifications.Messaging;

/// <summary>
/// The witness's channel to the log: one address as configured, or, with several replicas of
/// Registration, all of them behind gRPC's own round-robin balancer, which sends each call to a
/// replica whose connection is up, so a replica that is down (killed, restarting) costs no call.
/// </summary>
public static class LedgerLogChannel
{
    const string Scheme = "static";

    public static IServiceCollection AddLedgerLogChannel(this IServiceCollection services, LedgerWitnessSettings witness)
    {
        if (witness.Replicas.Count <= 1)
        {
            services.AddGrpcClient<RegistrationV1.LedgerService.LedgerServiceClient>(o => o.Address = witness.Log);
            return services;
        }
        services.AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => witness.Replicas.Select(r => new BalancerAddress(r.Host, r.Port))));
        services.AddGrpcClient<RegistrationV1.LedgerService.LedgerServiceClient>(o => o.Address = new Uri($"{Scheme}:///registration"))
            .ConfigureChannel((provider, channel) =>
            {
                // Where the channel finds the static resolver.
                channel.ServiceProvider = provider;
                // The replicas listen in cleartext HTTP/2, as Services:Registration's http:// says.
                channel.Credentials = witness.Replicas[0].Scheme == "https" ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
                // A replica that just died may still look connected, and one just back may wait out a
                // reconnect backoff (two minutes at most by default): a call retries on the next pick,
                // and a restarted replica is tried again within a second.
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
            });
        return services;
    }
}
