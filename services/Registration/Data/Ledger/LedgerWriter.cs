using System.Diagnostics;
using System.Runtime.CompilerServices;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Accreditation.Registration.Data.Ledger;

/// <summary>
/// Appends ledger entries inside the unit of work's transaction. The transaction is what makes
/// the chain safe: it is the database's only writer (SQLite begins it IMMEDIATE; on PostgreSQL,
/// shared by replicas, the head is read only once the transaction holds the writers' lock), so
/// reading the head and appending after it cannot interleave with another writer; the unique
/// sequence and previous-hash columns make any fork fail loudly anyway.
/// </summary>
public static class LedgerWriter
{
    // The transactions in which this process holds the writers' lock: a retry is a new transaction, and locks again.
    static readonly ConditionalWeakTable<IDbContextTransaction, object> WritersSerialized = new();
    static readonly object Held = new();

    public static async Task<LedgerEntry> AppendAsync(this RegistrationDb db, LedgerFact fact, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Ledger entries are appended inside the unit of work's explicit transaction.");
        // Already held when the transaction began as a write transaction; taken here for any other,
        // once per transaction (a window's closing appends thousands of entries in one).
        if (!WritersSerialized.TryGetValue(transaction, out _))
        {
            await db.Database.SerializeWritersAsync(ct);
            WritersSerialized.AddOrUpdate(transaction, Held);
        }
        var (sequence, hash) = await HeadAsync(db, ct);
        var entry = LedgerEntry.Chain(fact with { CorrelationId = fact.CorrelationId ?? Correlation(db) }, sequence + 1, hash);
        // Before LastAppended moves: the tree's edge is the previous entry's.
        await LedgerTree.AppendAsync(db, entry, ct);
        db.LedgerEntries.Add(entry);
        db.LastAppended = entry;
        return entry;
    }

    /// <summary>The last entry: one added in this unit of work, else the last stored.</summary>
    public static async Task<(long Sequence, string Hash)> HeadAsync(RegistrationDb db, CancellationToken ct)
    {
        if (db.PendingHead is { } pending)
            return (pending.Sequence, pending.Hash);
        var head = await db.LedgerEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        return head is null ? (0, LedgerHash.Genesis) : (head.Sequence, head.Hash);
    }

    /// <summary>
    /// One entry per status change added in this unit of work, in the order the changes were made,
    /// with the organization and dialogue of the application they belong to.
    /// </summary>
    internal static async Task RecordTransitionsAsync(this RegistrationDb db, IReadOnlyCollection<StatusChange> changes, CancellationToken ct)
    {
        // A set, not the list: a window's closing records one change for each of thousands of applications.
        var pending = changes.ToHashSet(ReferenceEqualityComparer.Instance);
        var ordered = db.ChangeTracker.Entries<Application>().Select(e => e.Entity)
            .SelectMany(a => a.Changes.Where(pending.Contains).Select(c => (Application: a, Change: c)))
            .OrderBy(x => x.Change.At)
            .ToList();
        if (ordered.Count != changes.Count)
            throw new InvalidOperationException("A status change was saved without its application: the ledger could not record it.");
        foreach (var (application, change) in ordered)
            await db.AppendAsync(new LedgerFact(
                change.LedgerKind, application.Id, application.OrganizationId, application.DialogueId,
                new Actor(change.ActorSubject, change.ActorRole), change.At, change.Reason,
                // A profile change moves no state: no states, so "the entry reaching a state" stays a transition's.
                change.IsProfileChange ? null : change.From.ToString(), change.IsProfileChange ? null : change.To.ToString(),
                WithReasonCode(change)), ct);
    }

    /// <summary>
    /// The change's details plus the code of a reason the service wrote and its values, so the
    /// entry can be worded in any language. They are hashed with the rest of the details: entries
    /// written before carry none and verify as they did.
    /// </summary>
    static IReadOnlyDictionary<string, string>? WithReasonCode(StatusChange change)
    {
        if (change.ReasonCode.Length == 0)
            return change.LedgerDetails;
        var details = new Dictionary<string, string>(change.LedgerDetails ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [LedgerReason.Code] = change.ReasonCode,
        };
        foreach (var (key, value) in change.ReasonMetadata())
            details[LedgerReason.MetadataPrefix + key] = value;
        return details;
    }

    /// <summary>The event that caused the work (set by consumers), else the request's trace.</summary>
    static string? Correlation(RegistrationDb db) =>
        db.LedgerCorrelation ?? (Activity.Current is { } activity ? $"trace:{activity.TraceId}" : null);
}
