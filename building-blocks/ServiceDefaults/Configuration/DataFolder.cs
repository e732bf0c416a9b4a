using Microsoft.Extensions.Configuration;

namespace Accreditation.ServiceDefaults.Configuration;

/// <summary>
/// The data folder (Data:Directory, "data" by default), where parts keep their keys beside the
/// databases. The database seam (SqliteDatabaseExtensions) owns the setting; this only reads it.
/// </summary>
public static class DataFolder
{
    public static string Of(IConfiguration configuration) => configuration["Data:Directory"] ?? "data";

    /// <summary>A configured folder, else <paramref name="name"/> in the data folder; absolute.</summary>
    public static string OrInData(IConfiguration configuration, string? configured, string name) =>
        Path.GetFullPath(configured is { Length: > 0 } ? configured : Path.Combine(Of(configuration), name));
}
