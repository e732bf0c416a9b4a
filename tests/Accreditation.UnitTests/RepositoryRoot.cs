namespace Accreditation.UnitTests;

/// <summary>The repository the tests run from: for tests that read its files (manifests, sources).</summary>
static class RepositoryRoot
{
    public static string Path { get; } = Find();

    static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Accreditation.sln")))
                return directory.FullName;
        throw new InvalidOperationException($"Accreditation.sln not found above {AppContext.BaseDirectory}");
    }
}
