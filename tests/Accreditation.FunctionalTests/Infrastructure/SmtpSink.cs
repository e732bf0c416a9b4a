using System.Diagnostics;
using MimeKit;

namespace Accreditation.FunctionalTests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback: Debian's python3-aiosmtpd, run as a subprocess, writing every
/// message it accepts to a folder as an .eml file (written aside, then renamed, so a reader never
/// sees half a message).
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    const string Script = """
        import os, sys, time, uuid
        from aiosmtpd.controller import Controller

        folder, port = sys.argv[1], int(sys.argv[2])

        class Sink:
            async def handle_DATA(self, server, session, envelope):
                name = os.path.join(folder, "%d-%s.eml" % (time.time_ns(), uuid.uuid4().hex))
                with open(name + ".part", "wb") as f:
                    f.write(envelope.original_content)
                os.replace(name + ".part", name)
                return "250 Message accepted"

        controller = Controller(Sink(), hostname="127.0.0.1", port=port)
        controller.start()
        print("READY", flush=True)
        sys.stdin.read()  # runs until the test closes stdin
        controller.stop()
        """;

    readonly Process _process;

    SmtpSink(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }
    public string Folder { get; }

    /// <summary>Starts the server on <paramref name="port"/> (a free one when not given) and waits until it listens.</summary>
    public static async Task<SmtpSink> StartAsync(int? port = null)
    {
        // A port found free can be taken before python binds it: a chosen one is tried again elsewhere.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnAsync(port ?? LoopbackPorts.Free());
            }
            catch (PortTakenException) when (port is null && attempt < 3)
            {
            }
        }
    }

    sealed class PortTakenException(string message) : InvalidOperationException(message);

    static async Task<SmtpSink> StartOnAsync(int chosen)
    {
        var folder = Path.Combine(Path.GetTempPath(), "accreditation-smtp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var script = Path.Combine(folder, "sink.py");
        await File.WriteAllTextAsync(script, Script);
        var start = new ProcessStartInfo(Python, [script, folder, chosen.ToString()])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (ready != "READY")
        {
            var error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(5));
            process.Dispose();
            Directory.Delete(folder, recursive: true);
            var message = $"The SMTP sink did not start on port {chosen} (is python3-aiosmtpd installed?): {error}";
            throw error.Contains("address already in use") ? new PortTakenException(message) : new InvalidOperationException(message);
        }
        return new SmtpSink(process, chosen, folder);
    }

    /// <summary>The Debian interpreter, where apt installs aiosmtpd (a pyenv python3 on PATH would not see it).</summary>
    static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>Every message accepted so far, in arrival order.</summary>
    public IReadOnlyList<MimeMessage> Received() =>
        Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(file => MimeMessage.Load(file)).ToList();

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
