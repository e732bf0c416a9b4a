using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Registration.Data.Ledger;

/// <summary>What the secretariat asks of the ledger; every filter is optional.</summary>
public sealed record LedgerFilter(
    Guid? ApplicationId = null, Guid? OrganizationId = null, Guid? DialogueId = null,
    string? ActorSubject = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

public static class LedgerQueries
{
    public static IQueryable<LedgerEntry> Entries(this RegistrationDb db, LedgerFilter filter)
    {
        var query = db.LedgerEntries.AsNoTracking();
        if (filter.ApplicationId is { } application) query = query.Where(e => e.ApplicationId == application);
        if (filter.OrganizationId is { } organization) query = query.Where(e => e.OrganizationId == organization);
        if (filter.DialogueId is { } dialogue) query = query.Where(e => e.DialogueId == dialogue);
        if (filter.ActorSubject is { } actor) query = query.Where(e => e.ActorSubject == actor);
        if (filter.From is { } from) query = query.Where(e => e.At >= from);
        if (filter.To is { } to) query = query.Where(e => e.At < to);
        return query.OrderBy(e => e.Sequence);
    }

    /// <summary>
    /// Recomputes the whole chain as stored, against the checkpoints this service published and
    /// any held elsewhere; reads row by row, so memory does not grow with the ledger.
    /// </summary>
    public static Task<LedgerVerification> VerifyLedgerAsync(this RegistrationDb db,
        IEnumerable<LedgerCheckpointMark> external, CancellationToken ct) => db.VerifyLedgerAsync(external, [], ct);

    /// <summary>
    /// As the chain verification, and the Merkle tree against tree heads held outside the log
    /// (the witness's, an auditor's): a head the log no longer reaches is a truncation, a root that
    /// differs a rewrite. The service's own stored heads are not trusted for this: they live in the same file.
    /// </summary>
    public static async Task<LedgerVerification> VerifyLedgerAsync(this RegistrationDb db,
        IEnumerable<LedgerCheckpointMark> external, IEnumerable<WitnessedRoot> heads, CancellationToken ct)
    {
        var published = await db.LedgerCheckpoints.AsNoTracking()
            .Select(c => new LedgerCheckpointMark(c.Count, c.HeadHash)).ToListAsync(ct);
        var verifier = new LedgerLogVerifier(published.Concat(external), heads);
        // Runs of entries read and hashed on every core, then joined in order (see LedgerScan).
        await LedgerScan.VerifyAsync(db, verifier, ct);
        return verifier.Result();
    }

    /// <summary>
    /// Records the chain's head (count and head hash) for a caller to keep. Nothing is published:
    /// what goes out of the service is the signed tree head (LedgerTreeHeadSigned), which covers the
    /// same entries and which the witness checks. With <paramref name="onlyIfGrown"/>, nothing
    /// happens when the head is the last checkpoint's.
    /// </summary>
    public static Task<LedgerCheckpoint?> CheckpointAsync(this RegistrationDb db, TimeProvider clock, bool onlyIfGrown, CancellationToken ct) =>
        db.RetryInTransactionAsync<LedgerCheckpoint?>(async ct =>
        {
            var (count, head) = await LedgerWriter.HeadAsync(db, ct);
            var last = await db.LedgerCheckpoints.AsNoTracking().OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
            if (onlyIfGrown && last is not null && last.Count == count && last.HeadHash == head)
                return null;
            var now = clock.GetUtcNow();
            var checkpoint = new LedgerCheckpoint(count, head, now);
            db.LedgerCheckpoints.Add(checkpoint);
            await db.SaveChangesAsync(ct);
            return checkpoint;
        }, ct);
}
