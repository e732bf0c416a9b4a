using Accreditation.ServiceDefaults.Data;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Accreditation.Identity.Data;

/// <summary>
/// RSA keys kept as PEM files, made on first start and read on every later one: services cache
/// the published key set, so a key that changed on restart would make every issued token invalid.
/// </summary>
public sealed class PemKeyStore(string directory)
{
    const int KeySizeInBits = 2048;

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The key in {directory}/{name}.pem, created if missing; never replaced.</summary>
    public RsaSecurityKey LoadOrCreate(string name)
    {
        EnsureDirectory();
        var path = Path.Combine(Directory, $"{name}.pem");
        if (!File.Exists(path))
            TryCreate(path);
        return Load(path);
    }

    static RsaSecurityKey Load(string path)
    {
        PrivateFiles.EnsureOwnerOnly(path);
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        if (rsa.KeySize < KeySizeInBits)
            throw new InvalidOperationException($"The key {path} has {rsa.KeySize} bits; at least {KeySizeInBits} are required.");
        // The key id follows from the public key, so it is the same after every restart.
        return new RsaSecurityKey(rsa) { KeyId = KeyId(rsa) };
    }

    /// <summary>base64url SHA-256 of the public key (SubjectPublicKeyInfo).</summary>
    public static string KeyId(RSA rsa) => Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()));

    static void TryCreate(string path)
    {
        using var rsa = RSA.Create(KeySizeInBits);
        PrivateFiles.CreateOnce(path, rsa.ExportPkcs8PrivateKeyPem());
    }

    void EnsureDirectory() => PrivateFiles.CreateDirectory(Directory);
}
