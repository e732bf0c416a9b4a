using System.Diagnostics;

namespace Accreditation.FunctionalTests.Infrastructure;

/// <summary>tools/LedgerVerifier, run as a process the way an auditor runs it (the project builds it first).</summary>
static class LedgerVerifierTool
{
    /// <summary>Its exit code, and what it printed.</summary>
    public static (int Code, string Output) Run(params string[] args)
    {
        var tool = BuildOutput.AssemblyOf("tools/LedgerVerifier", "Accreditation.LedgerVerifier");
        Assert.True(File.Exists(tool), $"the verifier is built at {tool}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
