using Accreditation.ServiceDefaults.Errors;
using System.Collections.Frozen;

namespace Accreditation.Identity.Domain;

/// <summary>
/// A State party is named by its ISO 3166-1 alpha-3 code, in capitals, as services compare it
/// verbatim. Only officially assigned codes are accepted, so a typo ("AUS" for Austria is valid,
/// "AUR" is not) cannot become a State party's identity.
/// </summary>
public static class StateCode
{
    // ISO 3166-1 officially assigned alpha-3 codes (249).
    static readonly FrozenSet<string> Assigned = """
        ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM
        BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR
        CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB
        GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA
        JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA
        MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR
        NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS
        SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON
        TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The European Union is a party to the Convention (a regional economic integration organization,
    /// article 36) with no ISO alpha-3 code; it goes by EUU, as in the World Bank's country codes.
    /// </summary>
    public const string EuropeanUnion = "EUU";

    public static int Count => Assigned.Count;

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

    public static bool IsValid(string? code) => code is not null && (Assigned.Contains(code) || code == EuropeanUnion);
}
