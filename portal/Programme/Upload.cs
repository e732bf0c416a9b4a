using Google.Protobuf;

namespace Accreditation.Portal.Programme;

/// <summary>A PDF chosen in a form, as the services take it: its bytes whole and its file name (no folder).</summary>
public sealed record Upload(ByteString Bytes, string Name)
{
    /// <summary>The file, or null when none was chosen.</summary>
    public static async Task<Upload?> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is not { Length: > 0 })
            return null;
        await using var stream = file.OpenReadStream();
        return new Upload(await ByteString.FromStreamAsync(stream, ct), Path.GetFileName(file.FileName));
    }
}
