using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
