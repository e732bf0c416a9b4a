using System.Diagnostics;

namespace Accreditation.TestSupport;

/// <summary>Programs a test runs to their end (scripts, examples, tools).</summary>
public static class Processes
{
    /// <summary>Runs <paramref name="program"/> in the repository: its exit code and what it printed (standard output, then error).</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(string program, IEnumerable<string> args,
        IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot.Path };
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
}
