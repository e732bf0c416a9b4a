using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.Portal;

/// <summary>Dates as the person's language writes them; times in UTC, said so.</summary>
public static class Display
{
    public static string Date(Timestamp? at) => at is null ? "" : Date(at.ToDateTimeOffset());

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("D", CultureInfo.CurrentCulture);

    public static string DateTime(Timestamp? at) => at is null ? "" : DateTime(at.ToDateTimeOffset());

    public static string DateTime(DateTimeOffset at) =>
        $"{at.UtcDateTime.ToString("D", CultureInfo.CurrentCulture)} {at.UtcDateTime.ToString("t", CultureInfo.CurrentCulture)} UTC";

    /// <summary>The value an &lt;input type="date"&gt; takes: always ISO, whatever the language.</summary>
    public static string InputDate(Timestamp? at) => at is null ? "" : at.ToDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The date of an input type=date as the end of that day, UTC (a deadline "by 3 March" includes 3 March).</summary>
    public static Timestamp EndOfDay(DateOnly day) =>
        Timestamp.FromDateTimeOffset(new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero));

    public static Timestamp StartOfDay(DateOnly day) =>
        Timestamp.FromDateTimeOffset(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
}
