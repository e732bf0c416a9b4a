using System.Diagnostics;

namespace Accreditation.FunctionalTests.Infrastructure;

/// <summary>Files of the repository the tests run from (docs, examples), and programs run on them.</summary>
static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Runs a program to its end: its exit code and what it printed (standard output, then error).</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(string program, IEnumerable<string> args,
        IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {timeout}: {await output}{await error}");
        }
        return (process.ExitCode, await output, await error);
    }

    static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Accreditation.sln")))
                return directory.FullName;
        throw new InvalidOperationException($"Accreditation.sln not found above {AppContext.BaseDirectory}");
    }
}
