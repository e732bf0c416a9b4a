using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Accreditation.Transparency;

// This file is shared, by link, with tools/LedgerVerifier: it depends on the BCL and Accreditation.Transparency only.
namespace Accreditation.Registration.Domain.Ledger;

/// <summary>What one ledger entry states, including its place in the chain; its hash covers all of it.</summary>
/// <param name="Details">Canonical JSON object text, as <see cref="LedgerHash.CanonicalDetails"/> writes it.</param>
public sealed record LedgerContent(
    long Sequence, string PreviousHash, string Kind,
    Guid? ApplicationId, Guid? OrganizationId, Guid? DialogueId,
    string ActorSubject, string ActorRole, DateTimeOffset At, string Reason,
    string? StateBefore, string? StateAfter, string Details, string? CorrelationId);

/// <summary>
/// Canonical serialization, version 1 (stable: changing it breaks every existing chain).
/// The hash is the lower-case hex SHA-256 of the UTF-8 bytes of one JSON object, no whitespace,
/// fields in exactly this order:
/// v (1), sequence, previousHash, kind, applicationId, organizationId, dialogueId, actorSubject,
/// actorRole, at, reason, stateBefore, stateAfter, details, correlationId.
/// Ids are lower-case "D" GUIDs or null; "at" is UTC "yyyy-MM-ddTHH:mm:ss.fffffffZ"; details is
/// an object of string values with keys in ordinal order. In strings only '"', '\', control
/// characters (&lt; U+0020) and lone surrogates are escaped, as \" \\ and \uXXXX (lower-case hex);
/// everything else is written as itself, so the bytes do not depend on a JSON library's escaping.
/// </summary>
public static class LedgerHash
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Compute(LedgerContent content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(content))));

    /// <summary>
    /// The Merkle leaf hash of an entry. Its leaf data (RFC 9162) is the entry's own hash, the 32-byte
    /// SHA-256 of its canonical serialization: the leaf commits to every byte of the entry, and a
    /// verifier hashes each entry's content once for the chain and the tree.
    /// </summary>
    public static byte[] LeafHash(LedgerContent content) => Merkle.LeafHash(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(content))));

    public static string Canonical(LedgerContent c)
    {
        var s = new StringBuilder(512);
        s.Append("{\"v\":1,\"sequence\":").Append(c.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(s, "previousHash", c.PreviousHash);
        Field(s, "kind", c.Kind);
        Field(s, "applicationId", Id(c.ApplicationId));
        Field(s, "organizationId", Id(c.OrganizationId));
        Field(s, "dialogueId", Id(c.DialogueId));
        Field(s, "actorSubject", c.ActorSubject);
        Field(s, "actorRole", c.ActorRole);
        Field(s, "at", Time(c.At));
        Field(s, "reason", c.Reason);
        Field(s, "stateBefore", c.StateBefore);
        Field(s, "stateAfter", c.StateAfter);
        s.Append(",\"details\":").Append(c.Details);
        Field(s, "correlationId", c.CorrelationId);
        return s.Append('}').ToString();
    }

    /// <summary>Details as a canonical JSON object: string values, keys in ordinal order.</summary>
    public static string CanonicalDetails(IEnumerable<KeyValuePair<string, string>> details)
    {
        var s = new StringBuilder("{");
        foreach (var (key, value) in details.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            if (s.Length > 1) s.Append(',');
            String(s, key);
            s.Append(':');
            String(s, value);
        }
        return s.Append('}').ToString();
    }

    public static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string? Id(Guid? id) => id?.ToString("D");

    static void Field(StringBuilder s, string name, string? value)
    {
        s.Append(",\"").Append(name).Append("\":");
        if (value is null) s.Append("null");
        else String(s, value);
    }

    static void String(StringBuilder s, string value)
    {
        s.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var ch = value[i];
            if (ch == '"') s.Append("\\\"");
            else if (ch == '\\') s.Append("\\\\");
            else if (ch < ' ') Escape(s, ch);
            else if (char.IsHighSurrogate(ch) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) s.Append(ch).Append(value[++i]);
            else if (char.IsSurrogate(ch)) Escape(s, ch); // lone: UTF-8 would silently replace it
            else s.Append(ch);
        }
        s.Append('"');
    }

    static void Escape(StringBuilder s, char ch) => s.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));

    /// <summary>The lower-case hex of <paramref name="bytes"/> as UTF-8, as <see cref="Compute"/> writes a hash.</summary>
    public static void HexUtf8(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        var digits = "0123456789abcdef"u8;
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = digits[bytes[i] >> 4];
            destination[2 * i + 1] = digits[bytes[i] & 0xF];
        }
    }
}

/// <summary>
/// Writes <see cref="LedgerHash.Canonical"/> as UTF-8 straight from UTF-8 text (a database's columns),
/// with no string per field: the same bytes, field by field, for a verifier reading a million rows.
/// The caller gives ids and time already in their canonical text. Reused entry after entry.
/// </summary>
public sealed class LedgerCanonicalWriter
{
    static readonly System.Buffers.SearchValues<byte> Special = System.Buffers.SearchValues.Create(
        [(byte)'"', (byte)'\\', .. Enumerable.Range(0, 0x20).Select(b => (byte)b)]);

    byte[] _buffer = new byte[1024];
    int _length;

    /// <summary>The field prefixes, in the order of <see cref="LedgerHash.Canonical"/>.</summary>
    public static ReadOnlySpan<byte> PreviousHash => ",\"previousHash\":"u8;
    public static ReadOnlySpan<byte> Kind => ",\"kind\":"u8;
    public static ReadOnlySpan<byte> ApplicationId => ",\"applicationId\":"u8;
    public static ReadOnlySpan<byte> OrganizationId => ",\"organizationId\":"u8;
    public static ReadOnlySpan<byte> DialogueId => ",\"dialogueId\":"u8;
    public static ReadOnlySpan<byte> ActorSubject => ",\"actorSubject\":"u8;
    public static ReadOnlySpan<byte> ActorRole => ",\"actorRole\":"u8;
    public static ReadOnlySpan<byte> At => ",\"at\":"u8;
    public static ReadOnlySpan<byte> Reason => ",\"reason\":"u8;
    public static ReadOnlySpan<byte> StateBefore => ",\"stateBefore\":"u8;
    public static ReadOnlySpan<byte> StateAfter => ",\"stateAfter\":"u8;
    public static ReadOnlySpan<byte> Details => ",\"details\":"u8;
    public static ReadOnlySpan<byte> CorrelationId => ",\"correlationId\":"u8;

    public void Begin(long sequence)
    {
        _length = 0;
        Append("{\"v\":1,\"sequence\":"u8);
        Span<byte> digits = stackalloc byte[20];
        sequence.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        Append(digits[..written]);
    }

    /// <summary>A string field (or null); false when the text is not valid UTF-8 (then the caller decodes it as a string would be).</summary>
    public bool Text(ReadOnlySpan<byte> field, ReadOnlySpan<byte> utf8, bool isNull)
    {
        Append(field);
        if (isNull)
        {
            Append("null"u8);
            return true;
        }
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
            return false;
        Append("\""u8);
        while (utf8.Length > 0)
        {
            var special = utf8.IndexOfAny(Special);
            if (special < 0)
            {
                Append(utf8);
                break;
            }
            Append(utf8[..special]);
            var b = utf8[special];
            if (b == '"') Append("\\\""u8);
            else if (b == '\\') Append("\\\\"u8);
            else
            {
                Span<byte> escape = [(byte)'\\', (byte)'u', (byte)'0', (byte)'0', 0, 0];
                LedgerHash.HexUtf8([b], escape[4..]);
                Append(escape);
            }
            utf8 = utf8[(special + 1)..];
        }
        Append("\""u8);
        return true;
    }

    /// <summary>Text written as it is (the details, stored as canonical JSON); false when not valid UTF-8.</summary>
    public bool Raw(ReadOnlySpan<byte> field, ReadOnlySpan<byte> utf8)
    {
        Append(field);
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
            return false;
        Append(utf8);
        return true;
    }

    public ReadOnlySpan<byte> End()
    {
        Append("}"u8);
        return _buffer.AsSpan(0, _length);
    }

    void Append(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes.Length));
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }
}

public enum LedgerProblem { None, HashMismatch, MissingEntry, OutOfOrder, ChainBroken, CheckpointMismatch, Truncated, InconsistentWithWitness }

/// <summary>The outcome of a verification: ok, or the first entry that fails and why.</summary>
public sealed record LedgerVerification(bool Ok, long Count, string HeadHash, LedgerProblem Problem, long? EntrySequence, string Message)
{
    /// <summary>With <see cref="LedgerProblem.Truncated"/> or <see cref="LedgerProblem.InconsistentWithWitness"/>: the size of the head the log fails.</summary>
    public long? WitnessedSize { get; init; }

    /// <summary>The entries missing (truncated) or among which the change lies (inconsistent), inclusive.</summary>
    public (long First, long Last)? Range { get; init; }

    /// <summary>The Merkle root (hex) of the entries verified.</summary>
    public string RootHash { get; init; } = "";

    /// <summary>How many witnessed heads the entries were checked against.</summary>
    public int HeadsChecked { get; init; }
}

/// <summary>A head hash and count published earlier; a later rewrite of the log cannot match it.</summary>
public sealed record LedgerCheckpointMark(long Count, string HeadHash);

/// <summary>
/// Recomputes a chain fed in sequence order and stops at the first entry that fails: a sequence
/// gap (missing entry), a sequence going back (out of order), a previous hash that is not the
/// previous entry's hash (broken chain), content that does not give its hash, or a hash that
/// differs from a published checkpoint at that count (rewritten log). Hashes are compared as the
/// bytes of their hex text, exactly as stored (a hash re-cased is a change too).
/// </summary>
public sealed class LedgerChainVerifier
{
    // Every checkpoint must hold, even several (from different copies) at one count.
    readonly Dictionary<long, byte[][]> _checkpoints;
    byte[] _head = Encoding.ASCII.GetBytes(LedgerHash.Genesis);
    long _count;
    LedgerVerification? _failure;

    public LedgerChainVerifier(IEnumerable<LedgerCheckpointMark>? checkpoints = null) =>
        _checkpoints = (checkpoints ?? []).GroupBy(c => c.Count).ToDictionary(g => g.Key, g => g.Select(c => Encoding.UTF8.GetBytes(c.HeadHash)).ToArray());

    LedgerChainVerifier(Dictionary<long, byte[][]> checkpoints, long count, ReadOnlySpan<byte> head)
    {
        _checkpoints = checkpoints;
        _count = count;
        _head = head.ToArray();
    }

    /// <summary>
    /// A verifier of the entries after entry <paramref name="count"/>, whose stored hash is
    /// <paramref name="head"/>, with the same checkpoints: a run checked on another thread, whose
    /// first entry this verifier (or whoever holds the entries before it) has checked.
    /// </summary>
    public LedgerChainVerifier After(long count, ReadOnlySpan<byte> head) => new(_checkpoints, count, head);

    /// <summary>Takes over the state a verifier of the entries that follow reached (<see cref="After"/>).</summary>
    public void Continue(LedgerChainVerifier later)
    {
        _head = later._head;
        _count = later._count;
        _failure = later._failure;
    }

    public long Count => _count;

    /// <summary>The failure found, if any (then later entries are not needed).</summary>
    public LedgerVerification? Failure => _failure;

    /// <summary>Checks the next entry; false once a failure was found (later entries are not needed).</summary>
    public bool Add(LedgerContent content, string storedHash) => Add(content, LedgerHash.Compute(content), storedHash);

    /// <summary>As <see cref="Add(LedgerContent, string)"/>, with the content's hash computed by the caller.</summary>
    public bool Add(LedgerContent content, string computedHash, string storedHash) =>
        Add(content.Sequence, Encoding.UTF8.GetBytes(content.PreviousHash ?? ""), Encoding.UTF8.GetBytes(computedHash), Encoding.UTF8.GetBytes(storedHash ?? ""));

    /// <summary>The same checks on the UTF-8 text of the hashes: the previous hash and the hash stored, and the lower-case hex of the content's SHA-256.</summary>
    public bool Add(long sequence, ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> computedHash, ReadOnlySpan<byte> storedHash)
    {
        if (_failure is not null)
            return false;
        var expected = _count + 1;
        if (sequence > expected)
            return Fail(LedgerProblem.MissingEntry, expected, $"Entry {expected} is missing: the entry after {_count} is {sequence}.");
        if (sequence < expected)
            return Fail(LedgerProblem.OutOfOrder, sequence, $"Entry {sequence} is out of order: it comes after entry {_count}.");
        if (!previousHash.SequenceEqual(_head))
            return Fail(LedgerProblem.ChainBroken, expected, $"Entry {expected} does not follow entry {_count}: its previous hash is not that entry's hash.");
        if (!computedHash.SequenceEqual(storedHash))
            return Fail(LedgerProblem.HashMismatch, expected, $"Entry {expected} does not match its hash: its content was changed.");
        if (_checkpoints.Count > 0 && _checkpoints.TryGetValue(expected, out var published) && !AllEqual(published, storedHash))
            return Fail(LedgerProblem.CheckpointMismatch, expected,
                $"Entry {expected} differs from the checkpoint published at count {expected}: the log was rewritten at or before it.");
        if (_head.Length == storedHash.Length)
            storedHash.CopyTo(_head);
        else
            _head = storedHash.ToArray();
        _count = expected;
        return true;
    }

    public LedgerVerification Result()
    {
        if (_failure is not null)
            return _failure;
        var beyond = _checkpoints.Keys.Where(c => c > _count).DefaultIfEmpty().Max();
        if (beyond > _count)
            return new LedgerVerification(false, _count, Head, LedgerProblem.MissingEntry, _count + 1,
                $"Entries {_count + 1} to {beyond} are missing: a checkpoint recorded {beyond} entries.");
        return new LedgerVerification(true, _count, Head, LedgerProblem.None, null, $"{_count} entries verified.");
    }

    string Head => Encoding.UTF8.GetString(_head);

    static bool AllEqual(byte[][] published, ReadOnlySpan<byte> stored)
    {
        foreach (var hash in published)
            if (!stored.SequenceEqual(hash))
                return false;
        return true;
    }

    bool Fail(LedgerProblem problem, long sequence, string message)
    {
        _failure = new LedgerVerification(false, _count, Head, problem, sequence, message);
        return false;
    }
}

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
