using Accreditation.ServiceDefaults.Domain;

namespace Accreditation.Registration.Domain.Statistics;

public enum RegionalGroup
{
    African = 1,
    AsiaPacific,
    EasternEuropean,
    LatinAmericanAndCaribbean,
    WesternEuropeanAndOthers,
    /// <summary>A country or territory in none of the five groups.</summary>
    None,
}

/// <summary>
/// The United Nations regional groups as the Department for General Assembly and Conference
/// Management lists them, by ISO 3166-1 alpha-3 code. Special cases: Türkiye takes part in two
/// groups and counts with the Western European and others for elections, as does the United
/// States (an observer there); the State of Palestine is a member of the Asia-Pacific Group.
/// Territories fall in <see cref="RegionalGroup.None"/>, as does a code stored before profiles
/// were checked against the assigned codes (<see cref="CountryCode"/>): reading never fails on it.
/// Every code listed here is an assigned one (a unit test checks).
/// </summary>
public static class RegionalGroups
{
    static readonly IReadOnlyDictionary<string, RegionalGroup> ByCountry = Table(new()
    {
        [RegionalGroup.African] =
            "DZA AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COG COD CIV DJI EGY GNQ ERI SWZ ETH GAB GMB GHA GIN GNB KEN LSO " +
            "LBR LBY MDG MWI MLI MRT MUS MAR MOZ NAM NER NGA RWA STP SEN SYC SLE SOM ZAF SSD SDN TGO TUN UGA TZA ZMB ZWE",
        [RegionalGroup.AsiaPacific] =
            "AFG BHR BGD BTN BRN KHM CHN CYP PRK FJI IND IDN IRN IRQ JPN JOR KAZ KIR KWT KGZ LAO LBN MYS MDV MHL FSM MNG " +
            "MMR NRU NPL OMN PAK PLW PNG PHL QAT KOR WSM SAU SGP SLB LKA SYR TJK THA TLS TON TKM TUV ARE UZB VUT VNM YEM PSE",
        [RegionalGroup.EasternEuropean] =
            "ALB ARM AZE BLR BIH BGR HRV CZE EST GEO HUN LVA LTU MNE POL MDA ROU RUS SRB SVK SVN MKD UKR",
        [RegionalGroup.LatinAmericanAndCaribbean] =
            "ATG ARG BHS BRB BLZ BOL BRA CHL COL CRI CUB DMA DOM ECU SLV GRD GTM GUY HTI HND JAM MEX NIC PAN PRY PER KNA " +
            "LCA VCT SUR TTO URY VEN",
        [RegionalGroup.WesternEuropeanAndOthers] =
            "AND AUS AUT BEL CAN DNK FIN FRA DEU GRC ISL IRL ISR ITA LIE LUX MLT MCO NLD NZL NOR PRT SMR ESP SWE CHE TUR GBR USA",
    });

    public static RegionalGroup Of(string country) =>
        ByCountry.TryGetValue(country.ToUpperInvariant(), out var group) ? group : RegionalGroup.None;

    /// <summary>The codes of one group (for tests and listings).</summary>
    public static IReadOnlyList<string> Members(RegionalGroup group) =>
        ByCountry.Where(c => c.Value == group).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();

    static Dictionary<string, RegionalGroup> Table(Dictionary<RegionalGroup, string> groups) =>
        groups.SelectMany(g => g.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(code => (code, g.Key)))
            .ToDictionary(c => c.code, c => c.Key, StringComparer.Ordinal);
}
