namespace Accreditation.ServiceDefaults.Data;

/// <summary>
/// The data folder and the files in it hold secrets and personal data: owner-only from the first
/// byte (0700 folders, 0600 files), not chmod-ed after something was written with the umask's mode.
/// SQLite gives its -wal and -shm files the mode of the database file.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(path);
        else if (!Directory.Exists(path))
            Directory.CreateDirectory(path, FolderMode);
    }

    /// <summary>An empty database file with owner-only access, unless it exists (SQLite fills an empty file in).</summary>
    public static void CreateDatabaseFile(string path)
    {
        if (string.IsNullOrEmpty(path) || path == ":memory:" || File.Exists(path))
            return;
        CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            using var _ = Create(path, System.IO.FileMode.CreateNew);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another part created it first.
        }
    }

    /// <summary>Writes a file that only its owner may read, created with that mode before its first byte.</summary>
    public static void WriteAllText(string path, string contents)
    {
        using var stream = Create(path, System.IO.FileMode.Create);
        using var writer = new StreamWriter(stream);
        writer.Write(contents);
    }

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> unless a file is there: under a
    /// temporary name with owner-only rights from the first byte, synced, then moved in place without
    /// overwrite, so a reader never sees half a file (a key) and of two processes starting at the same
    /// moment the first one's file stays.
    /// </summary>
    public static void CreateOnce(string path, string content)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = Create(temporary, System.IO.FileMode.CreateNew))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(content);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process won the race; its file is the one to use.
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>A private file readable by others is a leak waiting to happen (e.g. a copied data folder).</summary>
    public static void EnsureOwnerOnly(string path)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~PrivateFileMode) != 0)
            File.SetUnixFileMode(path, PrivateFileMode);
    }

    static FileStream Create(string path, System.IO.FileMode mode) => OperatingSystem.IsWindows()
        ? new FileStream(path, mode, FileAccess.Write)
        : new FileStream(path, new FileStreamOptions { Mode = mode, Access = FileAccess.Write, UnixCreateMode = PrivateFileMode });
}
