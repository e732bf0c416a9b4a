namespace Accreditation.TestSupport;

/// <summary>Programs the solution built beside the tests, in the same configuration and for the same framework.</summary>
public static class BuildOutput
{
    // The test assembly sits in tests/<project>/bin/<Configuration>/<tfm>/.
    static readonly DirectoryInfo TestBin = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    /// <summary>Release or Debug, as the tests were built.</summary>
    public static string Configuration => TestBin.Parent!.Name;

    public static string Framework => TestBin.Name;

    /// <summary>The built assembly of the project in <paramref name="projectFolder"/> (relative to the repository), e.g. ("tools/LedgerVerifier", "Accreditation.LedgerVerifier").</summary>
    public static string AssemblyOf(string projectFolder, string assemblyName) =>
        RepositoryRoot.PathOf(projectFolder, "bin", Configuration, Framework, assemblyName + ".dll");
}
