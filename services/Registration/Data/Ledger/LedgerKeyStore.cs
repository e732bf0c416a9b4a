using System.Globalization;
using System.Security.Cryptography;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Data;

namespace Accreditation.Registration.Data.Ledger;

/// <summary>
/// The log's Ed25519 signing keys, one PKCS#8 PEM file each ({directory}/ledger-key-{UTC time}.pem),
/// made on first start and kept: a head signed by an earlier key must stay verifiable, so a
/// rotation adds a key and the newest signs from then on; every key's public part is published.
/// </summary>
public sealed class LedgerKeyStore(string directory, string name)
{
    // PKCS#8 PrivateKeyInfo of an Ed25519 key (RFC 8410) before its 32-byte seed.
    static readonly byte[] Pkcs8Prefix = Convert.FromHexString("302e020100300506032b657004220420");
    const string FilePrefix = "ledger-key-";
    readonly Lock _lock = new();

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The key that signs now: the newest; one is made when there is none.</summary>
    public NoteSigningKey Active()
    {
        lock (_lock)
        {
            var files = Files();
            return Load(files.Count > 0 ? files[^1] : Create(DateTimeOffset.UtcNow));
        }
    }

    /// <summary>Every key, oldest first, with when it started signing.</summary>
    public IReadOnlyList<(NoteVerifierKey Key, DateTimeOffset From, bool Active)> All()
    {
        lock (_lock)
        {
            var files = Files();
            if (files.Count == 0)
                files = [Create(DateTimeOffset.UtcNow)];
            return files.Select((file, i) => (Load(file).Verifier, Since(file), i == files.Count - 1)).ToList();
        }
    }

    /// <summary>Adds a key that signs from now on; the earlier ones stay published.</summary>
    public NoteSigningKey Rotate(DateTimeOffset now)
    {
        lock (_lock)
        {
            var files = Files();
            // File names sort by time: a rotation within the newest key's second waits for the next.
            var at = files.Count > 0 && Since(files[^1]) >= Truncate(now) ? Since(files[^1]).AddSeconds(1) : now;
            return Load(Create(at));
        }
    }

    List<string> Files()
    {
        PrivateFiles.CreateDirectory(Directory);
        return System.IO.Directory.GetFiles(Directory, FilePrefix + "*.pem").Order(StringComparer.Ordinal).ToList();
    }

    static DateTimeOffset Truncate(DateTimeOffset at) => TreeHead.Truncate(at);

    static DateTimeOffset Since(string file) =>
        DateTimeOffset.ParseExact(Path.GetFileNameWithoutExtension(file)[FilePrefix.Length..], "yyyyMMdd'T'HHmmss'Z'",
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    NoteSigningKey Load(string file)
    {
        PrivateFiles.EnsureOwnerOnly(file);
        var pem = PemEncoding.Find(File.ReadAllText(file));
        var der = Convert.FromBase64String(File.ReadAllText(file)[pem.Base64Data]);
        if (der.Length != Pkcs8Prefix.Length + 32 || !der.AsSpan(0, Pkcs8Prefix.Length).SequenceEqual(Pkcs8Prefix))
            throw new InvalidOperationException($"{file} is not an Ed25519 private key (PKCS#8).");
        return new NoteSigningKey(name, der[Pkcs8Prefix.Length..]);
    }

    string Create(DateTimeOffset at)
    {
        var path = Path.Combine(Directory, $"{FilePrefix}{Truncate(at).UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.pem");
        PrivateFiles.CreateOnce(path, PemEncoding.WriteString("PRIVATE KEY", [.. Pkcs8Prefix, .. NoteSigningKey.NewPrivateKey()]));
        return path;
    }

}
