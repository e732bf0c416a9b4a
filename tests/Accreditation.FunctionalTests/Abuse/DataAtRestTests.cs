using Accreditation.FunctionalTests.Infrastructure;

namespace Accreditation.FunctionalTests.Abuse;

/// <summary>The data folder holds secrets and personal data: only its owner may read anything in it.</summary>
[Collection(SystemCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataAtRestTests(SystemFixture system)
{
    const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    const UnixFileMode File_ = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_data_folder_its_databases_their_logs_the_keys_and_the_credentials_are_the_owners_only()
    {
        // Something written everywhere first, so the -wal and -shm files exist.
        await system.SignUpOrganizationUserAsync();

        Assert.Equal(Folder, File.GetUnixFileMode(system.DataDirectory));
        var files = Directory.GetFiles(system.DataDirectory, "*", SearchOption.AllDirectories);
        foreach (var service in new[] { "identity", "registration", "objections", "notifications" })
            Assert.Contains(Path.Combine(system.DataDirectory, $"{service}.db"), files);
        Assert.Contains(files, f => f.EndsWith("-wal", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".pem", StringComparison.Ordinal));
        Assert.Contains(Path.Combine(system.DataDirectory, "credentials.json"), files);
        Assert.All(files, f => Assert.True(File.GetUnixFileMode(f) == File_, $"{f} is {File.GetUnixFileMode(f)}"));
        Assert.All(Directory.GetDirectories(system.DataDirectory, "*", SearchOption.AllDirectories),
            d => Assert.True(File.GetUnixFileMode(d) == Folder, $"{d} is {File.GetUnixFileMode(d)}"));
    }
}
