using Accreditation.Notifications.Data;
using Accreditation.Notifications.V1;
using Accreditation.ServiceDefaults.Errors;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Notifications.Api;

/// <summary>The heads the ledger witness holds: hashes only, for anyone (Registration's verification calls it without a token).</summary>
public sealed class LedgerWitnessApi(NotificationsDb db) : LedgerWitnessService.LedgerWitnessServiceBase
{
    [AllowAnonymous]
    public override async Task<ListWitnessedHeadsResponse> ListWitnessedHeads(ListWitnessedHeadsRequest request, ServerCallContext context)
    {
        if (request.Limit is < 0 or > 5000)
            throw new InvalidFieldException("limit", "must be between 0 (the default, 1000) and 5000", CommonReasons.ValueOutOfRange, ("min", 0), ("max", 5000));
        var limit = request.Limit == 0 ? 1000 : request.Limit;
        var heads = await db.WitnessedHeads.AsNoTracking().OrderByDescending(h => h.Size).ThenByDescending(h => h.Id).Take(limit).ToListAsync(context.CancellationToken);
        return new ListWitnessedHeadsResponse
        {
            Heads =
            {
                heads.Select(h => new WitnessedHead
                {
                    TreeSize = h.Size, RootHash = h.RootHash, SignedAt = Timestamp.FromDateTimeOffset(h.SignedAt),
                    Checkpoint = h.Checkpoint, WitnessedAt = Timestamp.FromDateTimeOffset(h.WitnessedAt),
                }),
            },
            Conflicts = await db.WitnessConflicts.CountAsync(context.CancellationToken),
        };
    }
}
