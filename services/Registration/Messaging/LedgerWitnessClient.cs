using Accreditation.Registration.Domain.Ledger;
using Grpc.Core;
using WitnessV1 = Accreditation.Notifications.V1;

namespace Accreditation.Registration.Messaging;

/// <summary>The heads the witness (Notifications) holds, for verification; none when it is not configured or cannot be reached.</summary>
public sealed class LedgerWitnessClient(IServiceProvider services, ILogger<LedgerWitnessClient> logger)
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    public async Task<(bool Reached, IReadOnlyList<WitnessedRoot> Heads)> HeadsAsync(CancellationToken ct)
    {
        if (services.GetService<WitnessV1.LedgerWitnessService.LedgerWitnessServiceClient>() is not { } client)
            return (false, []);
        try
        {
            var response = await client.ListWitnessedHeadsAsync(new WitnessV1.ListWitnessedHeadsRequest { Limit = 5000 },
                deadline: DateTime.UtcNow + Deadline, cancellationToken: ct);
            return (true, response.Heads.Select(h => new WitnessedRoot(h.TreeSize, h.RootHash)).ToList());
        }
        catch (RpcException e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("The ledger witness could not be asked for its heads: {Status}", e.Status);
            return (false, []);
        }
    }
}
