namespace Accreditation.Registration.Domain.Ledger;

/// <summary>
/// One recorded fact in the decision ledger, chained to the one before it. Append-only: nothing
/// updates or deletes a row (the database refuses it too). People are referenced by id only.
/// </summary>
public sealed class LedgerEntry
{
    LedgerEntry() { }

    public long Sequence { get; private set; }
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public Guid? ApplicationId { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public Guid? DialogueId { get; private set; }
    public string ActorSubject { get; private set; } = "";
    public string ActorRole { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string Reason { get; private set; } = "";
    public string? StateBefore { get; private set; }
    public string? StateAfter { get; private set; }
    /// <summary>Canonical JSON object of string values (see <see cref="LedgerHash.CanonicalDetails"/>).</summary>
    public string Details { get; private set; } = "{}";
    public string? CorrelationId { get; private set; }

    /// <summary>Places a fact after the entry <paramref name="sequence"/> - 1 whose hash is <paramref name="previousHash"/>.</summary>
    public static LedgerEntry Chain(LedgerFact fact, long sequence, string previousHash)
    {
        var entry = new LedgerEntry
        {
            Sequence = sequence,
            PreviousHash = previousHash,
            Kind = fact.Kind,
            ApplicationId = fact.ApplicationId,
            OrganizationId = fact.OrganizationId,
            DialogueId = fact.DialogueId,
            ActorSubject = fact.Actor.Subject,
            ActorRole = fact.Actor.Role,
            // Stored and hashed as UTC, to the microsecond: PostgreSQL keeps no finer time, and the
            // hash must be that of what is read back (SQLite's text would keep the ticks).
            At = new DateTimeOffset(fact.At.UtcTicks - fact.At.UtcTicks % 10, TimeSpan.Zero),
            Reason = fact.Reason,
            StateBefore = fact.StateBefore,
            StateAfter = fact.StateAfter,
            Details = LedgerHash.CanonicalDetails(fact.Details ?? new Dictionary<string, string>()),
            CorrelationId = fact.CorrelationId,
        };
        entry.Hash = LedgerHash.Compute(entry.Content());
        return entry;
    }

    /// <summary>The entry's Merkle leaf hash (RFC 9162: SHA-256 of 0x00 and the canonical serialization).</summary>
    public byte[] LeafHash() => LedgerHash.LeafHash(Content());

    public LedgerContent Content() => new(Sequence, PreviousHash, Kind, ApplicationId, OrganizationId, DialogueId,
        ActorSubject, ActorRole, At, Reason, StateBefore, StateAfter, Details, CorrelationId);
}

/// <summary>A fact to record, before it has a place in the chain.</summary>
public sealed record LedgerFact(
    string Kind, Guid? ApplicationId, Guid? OrganizationId, Guid? DialogueId,
    Actor Actor, DateTimeOffset At, string Reason,
    string? StateBefore = null, string? StateAfter = null,
    IReadOnlyDictionary<string, string>? Details = null, string? CorrelationId = null);

/// <summary>Where an entry's details hold the code of a reason the service wrote (a history reason code) and its values.</summary>
public static class LedgerReason
{
    public const string Code = "reason_code";
    public const string MetadataPrefix = "reason_metadata.";
}

/// <summary>The kinds of fact the ledger records.</summary>
public static class LedgerKinds
{
    public const string Transition = "transition";
    public const string ReferralDecision = "referral-decision";
    public const string ObjectionFiled = "objection-filed";
    public const string ObjectionWithdrawn = "objection-withdrawn";
    public const string WindowClosed = "window-closed";
    public const string Purge = "purge";
    /// <summary>An organization's reply to an objection under REFER (the text stays out of the ledger).</summary>
    public const string Reply = "reply";
    /// <summary>An organization changed what the States parties see of it while the application was open (no change of state).</summary>
    public const string ProfileChanged = "profile-changed";
}

/// <summary>A published head hash and count, kept so a later verification can prove no rewrite.</summary>
public sealed class LedgerCheckpoint
{
    LedgerCheckpoint() { }

    public LedgerCheckpoint(long count, string headHash, DateTimeOffset at)
    {
        Count = count;
        HeadHash = headHash;
        At = at;
    }

    public long Id { get; private set; }
    public long Count { get; private set; }
    public string HeadHash { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
