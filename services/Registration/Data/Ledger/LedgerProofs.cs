using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Registration.Data.Ledger;

/// <summary>Which entry a caller asks a proof for: by sequence, by an application's reached state, or by an objection.</summary>
public sealed record LedgerEntrySelector(long? Sequence, Guid? ApplicationId, string? StateAfter, Guid? ObjectionId);

/// <summary>An entry, the signed head it is proven in (none when the caller named a size without a head here: it brings its own), and the proof.</summary>
public sealed record ProvenEntry(LedgerEntry Entry, SignedTreeHead? Head, InclusionProof Proof);

/// <summary>Inclusion and consistency proofs against signed heads.</summary>
public static class LedgerProofs
{
    public static async Task<LedgerEntry> FindAsync(this RegistrationDb db, LedgerEntrySelector selector, CancellationToken ct)
    {
        var entries = db.LedgerEntries.AsNoTracking();
        LedgerEntry? found;
        string described;
        if (selector.Sequence is { } sequence)
        {
            found = await entries.SingleOrDefaultAsync(e => e.Sequence == sequence, ct);
            described = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (selector is { ApplicationId: { } application, StateAfter: { } state })
        {
            found = await entries.Where(e => e.ApplicationId == application && e.StateAfter == state)
                .OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
            described = $"{application:D} reaching {state}";
        }
        else if (selector.ObjectionId is { } objection)
        {
            // Details are canonical JSON: the id stands exactly so.
            var marker = $"\"objectionId\":\"{objection:D}\"";
            found = await entries.Where(e => e.Kind == LedgerKinds.ObjectionFiled && e.Details.Contains(marker))
                .OrderBy(e => e.Sequence).FirstOrDefaultAsync(ct);
            described = $"filing objection {objection:D}";
        }
        else
            throw new InvalidFieldException("sequence", "name the entry: sequence, application_id with state_after, or objection_id", RegistrationReasons.LedgerEntryNotNamed);
        return found ?? throw new NotFoundException("Ledger entry", described, RegistrationReasons.LedgerEntryNotFound);
    }

    /// <summary>
    /// The entry's proof in the tree of <paramref name="treeSize"/> entries (the size of a head the
    /// caller holds, e.g. one e-mailed; with the head signed here at that size if there is one), or
    /// with 0 in the latest head, signed now when the entry is newer than it.
    /// </summary>
    public static async Task<ProvenEntry> ProveAsync(this RegistrationDb db, LedgerEntry entry, long treeSize,
        LedgerKeyStore keys, TimeProvider clock, CancellationToken ct)
    {
        if (treeSize == 0)
        {
            var latest = await db.CoveringAsync(entry.Sequence, keys, clock, ct);
            return new ProvenEntry(entry, latest, await LedgerTree.InclusionAsync(db, entry.Sequence - 1, latest.Size, ct));
        }
        if (treeSize < entry.Sequence)
            throw new RuleViolationException($"Entry {entry.Sequence} is not in the first {treeSize} entries: ask a tree of at least {entry.Sequence}.",
                RegistrationReasons.EntryNotInTree, ("sequence", entry.Sequence), ("tree_size", treeSize));
        var size = await db.LedgerEntries.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        if (treeSize > size)
            throw new RuleViolationException($"The log holds {size} entries, fewer than {treeSize}.", RegistrationReasons.LogTooSmall, ("size", size), ("requested", treeSize));
        return new ProvenEntry(entry, await LedgerHeads.AtSizeAsync(db, treeSize, ct), await LedgerTree.InclusionAsync(db, entry.Sequence - 1, treeSize, ct));
    }

    /// <summary>The consistency proof between two sizes, the second at most the log's size (0: the latest head's).</summary>
    public static async Task<(long First, long Second, IReadOnlyList<byte[]> Proof)> ConsistencyAsync(this RegistrationDb db,
        long first, long second, CancellationToken ct)
    {
        var size = await db.LedgerEntries.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        if (second == 0)
            second = (await LedgerHeads.LatestAsync(db, ct))?.Size ?? size;
        if (first < 0)
            throw new InvalidFieldException("first_size", "must not be negative", CommonReasons.ValueNegative);
        if (first > second)
            throw new InvalidFieldException("first_size", $"must not exceed second_size ({second})", RegistrationReasons.FirstSizeExceedsSecond, ("second_size", second));
        if (second > size)
            throw new RuleViolationException($"The log holds {size} entries, fewer than {second}.", RegistrationReasons.LogTooSmall, ("size", size), ("requested", second));
        return (first, second, await LedgerTree.ConsistencyAsync(db, first, second, ct));
    }
}
