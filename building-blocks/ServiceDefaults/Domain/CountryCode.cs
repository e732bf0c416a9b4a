using System.Collections.Frozen;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.ServiceDefaults.Domain;

/// <summary>
/// A country by its ISO 3166-1 alpha-3 code, in capitals. Only the 249 officially assigned codes
/// are countries: a typo ("AUR") or an invented code ("XYZ") would be stored and then counted
/// nowhere (no regional group, no State party), so every service refuses it where it comes in.
/// </summary>
public readonly record struct CountryCode
{
    // ISO 3166-1 officially assigned alpha-3 codes (249).
    static readonly FrozenSet<string> AssignedCodes = """
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

    readonly string? _value;

    CountryCode(string value) => _value = value;

    /// <summary>The three capitals, e.g. KEN.</summary>
    public string Value => _value ?? "";

    /// <summary>Every officially assigned code.</summary>
    public static IReadOnlySet<string> Assigned => AssignedCodes;

    /// <summary>Whether <paramref name="code"/> is an assigned code exactly as given (capitals, no spaces): for values already stored or configured.</summary>
    public static bool IsAssigned(string? code) => code is not null && AssignedCodes.Contains(code);

    /// <summary>A code as a person types it: trimmed and upper-cased, then looked up among the assigned codes.</summary>
    public static bool TryParse(string? value, out CountryCode country)
    {
        var code = value?.Trim().ToUpperInvariant() ?? "";
        country = IsAssigned(code) ? new CountryCode(code) : default;
        return country._value is not null;
    }

    /// <summary>The country a request names in <paramref name="field"/>, or INVALID_ARGUMENT on that field.</summary>
    public static CountryCode Parse(string? value, string field = "country")
    {
        if (TryParse(value, out var country))
            return country;
        var code = value?.Trim().ToUpperInvariant() ?? "";
        if (code.Length == 0)
            throw new InvalidFieldException(field, "is required", CommonReasons.FieldRequired);
        throw new InvalidFieldException(field, "must be an ISO 3166-1 alpha-3 code such as KEN", CommonReasons.CountryInvalid, ("value", code));
    }

    public override string ToString() => Value;
}
