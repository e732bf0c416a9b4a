using System.Globalization;

namespace Accreditation.Registration.Domain.Programme;

/// <summary>The door's search: part of a name, whatever its case and accents ("jose" finds "José").</summary>
public static class CheckInSearch
{
    static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;
    const CompareOptions Blind = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    public static bool Matches(string query, params string[] names) =>
        names.Any(name => Compare.IndexOf(name, query.Trim(), Blind) >= 0);
}
