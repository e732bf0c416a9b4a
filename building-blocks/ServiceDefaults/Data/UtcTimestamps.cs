using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Accreditation.ServiceDefaults.Data;

public static class UtcTimestamps
{
    /// <summary>
    /// Stores every DateTimeOffset as UTC text, which SQLite compares and orders correctly
    /// (EF Core cannot translate DateTimeOffset comparisons for SQLite).
    /// </summary>
    public static ModelConfigurationBuilder UseUtcTimestamps(this ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        configuration.Properties<DateTimeOffset?>().HaveConversion<UtcConverter>();
        return configuration;
    }

    sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTime>(
        value => value.UtcDateTime,
        stored => new DateTimeOffset(DateTime.SpecifyKind(stored, DateTimeKind.Utc)));
}
