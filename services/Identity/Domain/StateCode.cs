using System.Text.RegularExpressions;

namespace Accreditation.Identity.Domain;

/// <summary>A State party is named by its ISO 3166-1 alpha-3 code, uppercase, as services compare it verbatim.</summary>
public static partial class StateCode
{
    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code);
}
