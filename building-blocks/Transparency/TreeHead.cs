using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Accreditation.Transparency;

/// <summary>
/// A signed tree head: the ledger's size, the Merkle root of its entries (RFC 9162) and when it
/// was signed. Written as a C2SP tlog-checkpoint: origin, size, base64 root, then one extension
/// line "time &lt;UTC, seconds&gt;" so the head carries its time inside what is signed.
/// </summary>
public sealed record TreeHead(string Origin, long Size, byte[] RootHash, DateTimeOffset At)
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>The note text the signature covers (every line ends with a newline).</summary>
    public string Body() =>
        $"{Origin}\n{Size.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(RootHash)}\ntime {At.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}\n";

    public string RootHex => Convert.ToHexStringLower(RootHash);

    /// <summary>Heads are signed at whole seconds, the precision their note states.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    /// <summary>Parses a checkpoint body; null with a reason when it is not one this log writes.</summary>
    public static TreeHead? ParseBody(string body, out string? problem)
    {
        problem = null;
        var lines = body.Split('\n');
        // Four lines and the empty string after the last newline.
        if (lines is not [var origin, var sizeText, var rootText, var timeLine, ""])
        {
            problem = "a tree head has four lines: origin, size, root hash, time";
            return null;
        }
        if (origin.Length == 0 || !long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            problem = "the origin is empty or the size is not a decimal number";
            return null;
        }
        byte[] root;
        try
        {
            root = Convert.FromBase64String(rootText);
        }
        catch (FormatException)
        {
            problem = "the root hash is not base64";
            return null;
        }
        if (root.Length != Merkle.HashSize)
        {
            problem = "the root hash is not a SHA-256";
            return null;
        }
        if (!timeLine.StartsWith("time ", StringComparison.Ordinal)
            || !DateTimeOffset.TryParseExact(timeLine[5..], TimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            problem = "the time line is not 'time yyyy-MM-ddTHH:mm:ssZ'";
            return null;
        }
        return new TreeHead(origin, size, root, at);
    }
}

/// <summary>
/// An Ed25519 public key of the log as a C2SP signed-note verifier key:
/// key ID = the first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key);
/// text form "name+hex(key ID)+base64(0x01 || public key)".
/// </summary>
public sealed record NoteVerifierKey(string Name, byte[] PublicKey)
{
    const byte Ed25519Type = 0x01;

    public byte[] KeyId { get; } = ComputeKeyId(Name, PublicKey);

    public string KeyIdHex => Convert.ToHexStringLower(KeyId);

    public override string ToString() => $"{Name}+{KeyIdHex}+{Convert.ToBase64String([Ed25519Type, .. PublicKey])}";

    static byte[] ComputeKeyId(string name, byte[] publicKey) =>
        SHA256.HashData([.. Encoding.UTF8.GetBytes(name), 0x0A, Ed25519Type, .. publicKey])[..4];

    /// <summary>Parses "name+keyid+base64key"; null when it is not an Ed25519 verifier key whose ID matches.</summary>
    public static NoteVerifierKey? Parse(string text)
    {
        // The base64 key may itself hold '+': only the first two separate.
        var parts = text.Trim().Split('+', 3);
        if (parts.Length != 3 || parts[0].Length == 0)
            return null;
        byte[] key;
        try
        {
            key = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException)
        {
            return null;
        }
        if (key is not [Ed25519Type, ..] || key.Length != 1 + Ed25519.PublicKeySize)
            return null;
        var parsed = new NoteVerifierKey(parts[0], key[1..]);
        return string.Equals(parsed.KeyIdHex, parts[1], StringComparison.OrdinalIgnoreCase) ? parsed : null;
    }
}

/// <summary>An Ed25519 private key of the log; its name is the log's origin.</summary>
public sealed class NoteSigningKey(string name, byte[] privateKey)
{
    public NoteVerifierKey Verifier { get; } = new(name, PublicOf(privateKey));

    static byte[] PublicOf(byte[] privateKey)
    {
        if (privateKey.Length != Ed25519.SecretKeySize)
            throw new ArgumentException("An Ed25519 private key has 32 bytes.", nameof(privateKey));
        var publicKey = new byte[Ed25519.PublicKeySize];
        Ed25519.GeneratePublicKey(privateKey, 0, publicKey, 0);
        return publicKey;
    }

    public static byte[] NewPrivateKey() => RandomNumberGenerator.GetBytes(Ed25519.SecretKeySize);

    public byte[] Sign(byte[] message)
    {
        var signature = new byte[Ed25519.SignatureSize];
        Ed25519.Sign(privateKey, 0, message, 0, message.Length, signature, 0);
        return signature;
    }
}

/// <summary>
/// C2SP signed notes: the body, an empty line, then one line per signature,
/// "— name base64(key ID || signature)" (U+2014 EM DASH); the signature covers the body's UTF-8.
/// </summary>
public static class SignedNote
{
    const string Dash = "\u2014 ";

    public static string Sign(TreeHead head, NoteSigningKey key)
    {
        var body = head.Body();
        var signature = key.Sign(Encoding.UTF8.GetBytes(body));
        return $"{body}\n{Dash}{key.Verifier.Name} {Convert.ToBase64String([.. key.Verifier.KeyId, .. signature])}\n";
    }

    /// <summary>
    /// The tree head of a note one of <paramref name="keys"/> signed (the signer is named), or null
    /// with the reason: not a note, no signature by a known key, or a signature that does not verify.
    /// </summary>
    public static TreeHead? Open(string note, IEnumerable<NoteVerifierKey> keys, out NoteVerifierKey? signer, out string? problem)
    {
        signer = null;
        note = note.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = note.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !note.EndsWith('\n'))
        {
            problem = "it is not a signed note (no empty line between the text and the signatures)";
            return null;
        }
        var body = note[..(split + 1)];
        var head = TreeHead.ParseBody(body, out problem);
        if (head is null)
            return null;
        var known = keys.ToList();
        var message = Encoding.UTF8.GetBytes(body);
        foreach (var line in note[(split + 2)..].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!line.StartsWith(Dash, StringComparison.Ordinal) || line[Dash.Length..].Split(' ') is not [var name, var encoded])
            {
                problem = $"'{line}' is not a signature line";
                return null;
            }
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(encoded);
            }
            catch (FormatException)
            {
                problem = $"the signature of {name} is not base64";
                return null;
            }
            if (bytes.Length != 4 + Ed25519.SignatureSize)
                continue;
            var key = known.FirstOrDefault(k => k.Name == name && bytes.AsSpan(0, 4).SequenceEqual(k.KeyId));
            if (key is null)
                continue;
            if (!Ed25519.Verify(bytes, 4, key.PublicKey, 0, message, 0, message.Length))
            {
                problem = $"the signature of key {key.KeyIdHex} does not verify: the head was altered or not signed by this log";
                return null;
            }
            if (head.Origin != key.Name)
            {
                problem = $"the head names the log {head.Origin}, its signer is {key.Name}";
                return null;
            }
            signer = key;
            problem = null;
            return head;
        }
        problem = "no signature by a known key of the log";
        return null;
    }
}
