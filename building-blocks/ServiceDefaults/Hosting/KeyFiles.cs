namespace Accreditation.ServiceDefaults.Hosting;

/// <summary>Secrets kept as files (signing keys): readable by the service's user only, written whole or not at all.</summary>
public static class KeyFiles
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> unless a file is there: under a
    /// temporary name with owner-only rights from the first byte, then moved in place without
    /// overwrite, so a reader never sees half a file and of two processes starting at the same
    /// moment the first one's file stays.
    /// </summary>
    public static void CreateOnce(string path, string content)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnly;
        try
        {
            using (var stream = new FileStream(temporary, options))
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
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
            File.SetUnixFileMode(path, OwnerOnly);
    }

    public static void EnsureDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(directory);
        else
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
