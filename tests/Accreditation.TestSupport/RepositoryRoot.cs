namespace Accreditation.TestSupport;

/// <summary>The repository the tests run from (the folder holding Accreditation.sln): for tests that read its files.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string PathOf(params string[] relative) => System.IO.Path.Combine([Path, .. relative]);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Accreditation.sln")))
                return directory.FullName;
        throw new InvalidOperationException($"Accreditation.sln not found above {AppContext.BaseDirectory}");
    }
}
