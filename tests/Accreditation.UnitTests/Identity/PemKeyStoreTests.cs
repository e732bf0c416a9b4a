using Accreditation.Identity.Data;


namespace Accreditation.UnitTests.Identity;

public sealed class PemKeyStoreTests : IDisposable
{
    readonly string _directory = Path.Combine(Path.GetTempPath(), $"identity-keys-{Guid.NewGuid():N}");

    [Fact]
    public void A_key_is_created_once_and_read_back_after_a_restart()
    {
        var first = new PemKeyStore(_directory).LoadOrCreate("signing-key");
        var afterRestart = new PemKeyStore(_directory).LoadOrCreate("signing-key");

        Assert.Equal(first.KeyId, afterRestart.KeyId);
        Assert.Equal(first.Rsa.ExportSubjectPublicKeyInfo(), afterRestart.Rsa.ExportSubjectPublicKeyInfo());
        Assert.Equal(2048, afterRestart.Rsa.KeySize);
    }

    [Fact]
    public void Each_name_has_its_own_key()
    {
        var store = new PemKeyStore(_directory);

        Assert.NotEqual(store.LoadOrCreate("signing-key").KeyId, store.LoadOrCreate("encryption-key").KeyId);
    }

    [Fact]
    public void Only_the_owner_can_read_the_key_file()
    {
        if (OperatingSystem.IsWindows())
            return;
        new PemKeyStore(_directory).LoadOrCreate("signing-key");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, "signing-key.pem")));
        Assert.Single(Directory.GetFiles(_directory));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }
}
