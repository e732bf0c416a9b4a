using Accreditation.Contracts;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Registration.Data.Ledger;

/// <summary>Signed tree heads: signing one over the ledger as it stands, and finding those published.</summary>
public static class LedgerHeads
{
    /// <summary>
    /// Signs the head of the whole ledger, stores it and publishes it (LedgerTreeHeadSigned, for the
    /// witness) in one transaction. With <paramref name="onlyIfGrown"/>, nothing happens when the
    /// last head already covers it.
    /// </summary>
    public static Task<SignedTreeHead?> SignAsync(this RegistrationDb db, LedgerKeyStore keys, TimeProvider clock, bool onlyIfGrown, CancellationToken ct) =>
        db.RetryInTransactionAsync<SignedTreeHead?>(async ct =>
        {
            var (size, _) = await LedgerWriter.HeadAsync(db, ct);
            var root = Convert.ToHexStringLower(await LedgerTree.RootAsync(db, size, ct));
            var last = await LatestAsync(db, ct);
            if (onlyIfGrown && last is not null && last.Size == size && last.RootHash == root)
                return null;
            var now = clock.GetUtcNow();
            var key = keys.Active();
            var head = new TreeHead(key.Verifier.Name, size, Convert.FromHexString(root), TreeHead.Truncate(now));
            var signed = new SignedTreeHead(head, key.Verifier.KeyIdHex, SignedNote.Sign(head, key));
            db.SignedTreeHeads.Add(signed);
            db.Enqueue(new LedgerTreeHeadSigned(size, root, head.At, signed.Note), now);
            await db.SaveChangesAsync(ct);
            return signed;
        }, ct);

    public static Task<SignedTreeHead?> LatestAsync(RegistrationDb db, CancellationToken ct) =>
        db.SignedTreeHeads.AsNoTracking().OrderByDescending(h => h.Id).FirstOrDefaultAsync(ct);

    /// <summary>The latest head signed at exactly <paramref name="size"/> entries, if one was.</summary>
    public static Task<SignedTreeHead?> AtSizeAsync(RegistrationDb db, long size, CancellationToken ct) =>
        db.SignedTreeHeads.AsNoTracking().Where(h => h.Size == size).OrderByDescending(h => h.Id).FirstOrDefaultAsync(ct);

    /// <summary>The latest head when it covers <paramref name="size"/> entries; else a new one signed now.</summary>
    public static async Task<SignedTreeHead> CoveringAsync(this RegistrationDb db, long size, LedgerKeyStore keys, TimeProvider clock, CancellationToken ct)
    {
        if (await LatestAsync(db, ct) is { } latest && latest.Size >= size)
            return latest;
        return await db.SignAsync(keys, clock, onlyIfGrown: true, ct) ?? (await LatestAsync(db, ct))!;
    }
}
