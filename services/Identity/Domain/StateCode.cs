using Accreditation.ServiceDefaults.Domain;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Identity.Domain;

/// <summary>
/// A State party is named by its ISO 3166-1 alpha-3 code (<see cref="CountryCode"/>), in capitals,
/// as services compare it verbatim. Only officially assigned codes are accepted, so a typo ("AUS"
/// for Austria is valid, "AUR" is not) cannot become a State party's identity.
/// </summary>
public static class StateCode
{
    /// <summary>
    /// The European Union is a party to the Convention (a regional economic integration organization,
    /// article 36) with no ISO alpha-3 code; it goes by EUU, as in the World Bank's country codes.
    /// </summary>
    public const string EuropeanUnion = "EUU";

    /// <summary>The State code a request names in <paramref name="field"/>, trimmed, or INVALID_ARGUMENT on that field.</summary>
    public static string Parse(string? value, string field = "state_code")
    {
        var code = value?.Trim() ?? "";
        if (code.Length == 0)
            throw new InvalidFieldException(field, "is required", CommonReasons.FieldRequired);
        if (!IsValid(code))
            throw new InvalidFieldException(field, $"'{code}' is not an ISO 3166-1 alpha-3 code in capitals (e.g. AUT; EUU for the European Union)",
                IdentityReasons.StateCodeInvalid, ("value", code));
        return code;
    }

    public static bool IsValid(string? code) => CountryCode.IsAssigned(code) || code == EuropeanUnion;
}
