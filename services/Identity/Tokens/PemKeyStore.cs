using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Accreditation.Identity.Tokens;

/// <summary>
/// RSA keys kept as PEM files, made on first start and read on every later one: services cache
/// the published key set, so a key that changed on restart would make every issued token invalid.
/// </summary>
public sealed class PemKeyStore(string directory)
{
    const int KeySizeInBits = 2048;
    const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

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
        // A private key readable by others is a leak waiting to happen (e.g. a copied data folder).
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
            File.SetUnixFileMode(path, OwnerOnly);
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        if (rsa.KeySize < KeySizeInBits)
            throw new InvalidOperationException($"The key {path} has {rsa.KeySize} bits; at least {KeySizeInBits} are required.");
        // The key id follows from the public key, so it is the same after every restart.
        return new RsaSecurityKey(rsa) { KeyId = KeyId(rsa) };
    }

    /// <summary>base64url SHA-256 of the public key (SubjectPublicKeyInfo).</summary>
    public static string KeyId(RSA rsa) => Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()));

    void TryCreate(string path)
    {
        using var rsa = RSA.Create(KeySizeInBits);
        // Written under a temporary name with owner-only rights from the first byte, then moved in
        // place without overwrite: a reader never sees half a key, and a second process starting
        // at the same moment keeps whichever key landed first.
        var temporary = Path.Combine(Directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnly;
        try
        {
            using (var stream = new FileStream(temporary, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(rsa.ExportPkcs8PrivateKeyPem());
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process won the race; its key is the one to use.
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    void EnsureDirectory()
    {
        if (OperatingSystem.IsWindows())
            System.IO.Directory.CreateDirectory(Directory);
        else
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
