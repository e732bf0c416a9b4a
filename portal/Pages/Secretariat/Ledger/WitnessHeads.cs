using Accreditation.Notifications.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Accreditation.Portal.Pages.Secretariat.Ledger;

/// <summary>
/// The heads the ledger's witness (in Notifications) holds. The portal's shared clients have no
/// LedgerWitnessService, so this page area calls it over a channel of its own: the heads are
/// public (the RPC is anonymous), so no token goes with it.
/// </summary>
public static class WitnessHeads
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>The largest heads first, at most <paramref name="limit"/>; null when the witness cannot be reached.</summary>
    public static async Task<ListWitnessedHeadsResponse?> LatestAsync(IHttpClientFactory http, Uri notifications, int limit, ILogger logger, CancellationToken ct)
    {
        using var channel = GrpcChannel.ForAddress(notifications, new GrpcChannelOptions { HttpClient = http.CreateClient(nameof(WitnessHeads)), DisposeHttpClient = true });
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(Patience);
        try
        {
            return await new LedgerWitnessService.LedgerWitnessServiceClient(channel)
                .ListWitnessedHeadsAsync(new ListWitnessedHeadsRequest { Limit = limit }, cancellationToken: patience.Token);
        }
        catch (RpcException e)
        {
            logger.LogWarning("The ledger witness did not answer: {Status} {Detail}", e.StatusCode, e.Status.Detail);
            return null;
        }
    }
}
