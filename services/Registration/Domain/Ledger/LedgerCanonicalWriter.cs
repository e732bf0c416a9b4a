using System.Globalization;

// This file is shared, by link, with tools/LedgerVerifier: it depends on the BCL and Accreditation.Transparency only.
namespace Accreditation.Registration.Domain.Ledger;

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
