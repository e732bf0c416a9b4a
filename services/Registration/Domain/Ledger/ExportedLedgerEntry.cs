using System.Globalization;
using System.Text.Json;

// This file is shared, by link, with tools/LedgerVerifier: it depends on the BCL and Accreditation.Transparency only.
namespace Accreditation.Registration.Domain.Ledger;

/// <summary>
/// One entry as the JSON export writes it (the file's "entries", see <see cref="LedgerExportFile"/>), and how a
/// verifier turns it back into the content its hash covers.
/// </summary>
public sealed record ExportedLedgerEntry(
    long Sequence, string PreviousHash, string Hash, string Kind,
    Guid? ApplicationId, Guid? OrganizationId, Guid? DialogueId,
    string ActorSubject, string ActorRole, string At, string Reason,
    string? StateBefore, string? StateAfter, IReadOnlyDictionary<string, string> Details, string? CorrelationId)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ExportedLedgerEntry From(LedgerContent c, string hash) => new(
        c.Sequence, c.PreviousHash, hash, c.Kind, c.ApplicationId, c.OrganizationId, c.DialogueId,
        c.ActorSubject, c.ActorRole, LedgerHash.Time(c.At), c.Reason, c.StateBefore, c.StateAfter,
        JsonSerializer.Deserialize<Dictionary<string, string>>(c.Details, Json) ?? [], c.CorrelationId);

    public LedgerContent ToContent() => new(
        Sequence, PreviousHash, Kind, ApplicationId, OrganizationId, DialogueId, ActorSubject, ActorRole,
        DateTimeOffset.ParseExact(At, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        Reason, StateBefore, StateAfter, LedgerHash.CanonicalDetails(Details ?? new Dictionary<string, string>()), CorrelationId);

    /// <summary>Verifies an exported JSON file without the service, reading it entry by entry.</summary>
    public static Task<LedgerVerification> VerifyAsync(Stream json, IEnumerable<LedgerCheckpointMark> checkpoints, CancellationToken ct) =>
        VerifyAsync(json, checkpoints, [], ct);

    /// <summary>As the chain verification, and the Merkle tree against tree heads taken earlier (signatures already checked).</summary>
    public static async Task<LedgerVerification> VerifyAsync(Stream json, IEnumerable<LedgerCheckpointMark> checkpoints, IEnumerable<WitnessedRoot> heads, CancellationToken ct)
    {
        var verifier = new LedgerLogVerifier(checkpoints, heads);
        // The head at the top (LedgerExportFile) is the caller's to check, with the log's key.
        await foreach (var item in LedgerExportFile.ReadAsync(json, ct))
            if (item is ExportedLedgerEntry entry && !verifier.Add(entry.ToContent(), entry.Hash))
                break;
        return verifier.Result();
    }
}
