using Accreditation.ServiceDefaults.Configuration;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.Notifications.Messaging;

/// <summary>
/// The witness's channel to the log: one address as configured, or, with several replicas of
/// Registration, all of them behind gRPC's round-robin balancer (<see cref="ReplicaChannels"/>).
/// </summary>
public static class LedgerLogChannel
{
    public static IServiceCollection AddLedgerLogChannel(this IServiceCollection services, LedgerWitnessSettings witness)
    {
        services.AddReplicatedGrpcClient<RegistrationV1.LedgerService.LedgerServiceClient>(nameof(ServicesOptions.Registration), witness.Replicas);
        return services;
    }
}
