using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Accreditation.TestSupport;

/// <summary>
/// A private PostgreSQL server for the tests of one process: Debian's postgresql package
/// (scripts/test-prerequisites.sh installs it), a data folder of its own under the temporary folder,
/// a free loopback port, a generated password; one database per test class (<see cref="CreateDatabaseAsync"/>).
/// PostgreSQL refuses to run as root, which CI is: then initdb and pg_ctl run as the package's
/// postgres user (runuser), in a folder that user owns. Stopped and removed when the process ends.
/// </summary>
public sealed class PostgreSqlServer
{
    const string User = "accreditation";
    static readonly Lazy<Task<PostgreSqlServer>> Shared = new(StartAsync);

    PostgreSqlServer(int port, string password)
    {
        AdminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = User, Password = password, Database = "postgres", Pooling = false,
        }.ToString();
    }

    /// <summary>The superuser's connection to the server's maintenance database.</summary>
    public string AdminConnectionString { get; }

    public static Task<PostgreSqlServer> GetAsync() => Shared.Value;

    /// <summary>A new, empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"t_{purpose.ToLowerInvariant()}_{Guid.NewGuid():N}"[..Math.Min(63, 35 + purpose.Length)];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ToString();
    }

    static async Task<PostgreSqlServer> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException("PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb): run scripts/test-prerequisites.sh.");
        RemoveStoppedServers();
        var folder = Path.Combine(Path.GetTempPath(), $"{Prefix}{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(18));
        var passwordFile = Path.Combine(folder, "password");
        await File.WriteAllTextAsync(passwordFile, password);
        if (Environment.IsPrivilegedProcess)
            await RunAsync("chown", "-R", "postgres:postgres", folder);
        var port = FreePort();
        var data = Path.Combine(folder, "data");
        await AsServerUserAsync(Path.Combine(bin, "initdb"), "-D", data, "-U", User, "--auth=scram-sha-256", $"--pwfile={passwordFile}",
            "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        File.Delete(passwordFile);
        // Durability is not under test here: no fsync, so the tests do not wait for the disk.
        await AsServerUserAsync(Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o",
            $"-c listen_addresses=127.0.0.1 -c port={port} -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start");
        WatchTestProcess(folder, bin);
        return new PostgreSqlServer(port, password);
    }

    /// <summary>
    /// A watchdog outside this process stops the server and removes its folder once the test process
    /// is gone, however it ended (the test runner may kill it before any exit handler finishes).
    /// </summary>
    static void WatchTestProcess(string folder, string bin)
    {
        var stop = $"{Path.Combine(bin, "pg_ctl")} -D {Path.Combine(folder, "data")} -m immediate -w stop";
        if (Environment.IsPrivilegedProcess)
            stop = $"runuser -u postgres -- {stop}";
        var script = $"exec </dev/null >/dev/null 2>&1; while [ -d /proc/{Environment.ProcessId} ]; do sleep 1; done; {stop}; rm -rf {folder}";
        var start = new ProcessStartInfo("setsid") { ArgumentList = { "sh", "-c", script }, WorkingDirectory = "/" };
        Process.Start(start)?.Dispose();
    }

    const string Prefix = "accreditation-pg-";

    /// <summary>Folders of earlier runs whose server is no longer running (a test process killed before its exit handler).</summary>
    static void RemoveStoppedServers()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), $"{Prefix}*"))
            if (!File.Exists(Path.Combine(folder, "data", "postmaster.pid")) && Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddMinutes(-10))
                Remove(folder);
    }

    static void Remove(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next run's clean-up.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    static Task AsServerUserAsync(string program, params string[] arguments) => Environment.IsPrivilegedProcess
        ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments])
        : RunAsync(program, arguments);

    static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
