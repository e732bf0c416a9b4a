using Accreditation.Registration.Domain.Statistics;
using static Accreditation.Registration.Domain.Statistics.RegionalGroup;

namespace Accreditation.UnitTests.Registration.Statistics;

public sealed class RegionalGroupsTests
{
    [Theory]
    [InlineData("KEN", African)]
    [InlineData("NGA", African)]
    [InlineData("EGY", African)]
    [InlineData("SSD", African)]
    [InlineData("CHN", AsiaPacific)]
    [InlineData("IND", AsiaPacific)]
    [InlineData("CYP", AsiaPacific)]
    [InlineData("SAU", AsiaPacific)]
    [InlineData("FJI", AsiaPacific)]
    [InlineData("KIR", AsiaPacific)]
    [InlineData("PSE", AsiaPacific)]
    [InlineData("RUS", EasternEuropean)]
    [InlineData("POL", EasternEuropean)]
    [InlineData("UKR", EasternEuropean)]
    [InlineData("MKD", EasternEuropean)]
    [InlineData("BRA", LatinAmericanAndCaribbean)]
    [InlineData("MEX", LatinAmericanAndCaribbean)]
    [InlineData("KNA", LatinAmericanAndCaribbean)]
    [InlineData("AUT", WesternEuropeanAndOthers)]
    [InlineData("AUS", WesternEuropeanAndOthers)]
    [InlineData("ISR", WesternEuropeanAndOthers)]
    [InlineData("TUR", WesternEuropeanAndOthers)]
    [InlineData("USA", WesternEuropeanAndOthers)]
    [InlineData("HKG", None)]
    [InlineData("XKX", None)]
    [InlineData("ZZZ", None)]
    public void A_country_belongs_to_its_un_regional_group(string country, RegionalGroup group) =>
        Assert.Equal(group, RegionalGroups.Of(country));

    [Fact]
    public void The_groups_hold_every_member_state_once_with_the_listed_sizes()
    {
        // 54 + 54 (with Kiribati) + 23 + 33 + 28 and the United States = 193, plus the State of Palestine.
        Assert.Equal(
            [54, 55, 23, 33, 29],
            new[] { African, AsiaPacific, EasternEuropean, LatinAmericanAndCaribbean, WesternEuropeanAndOthers }
                .Select(g => RegionalGroups.Members(g).Count));
        Assert.All(new[] { African, AsiaPacific, EasternEuropean, LatinAmericanAndCaribbean, WesternEuropeanAndOthers }
            .SelectMany(RegionalGroups.Members), code => Assert.Matches("^[A-Z]{3}$", code));
    }
}
