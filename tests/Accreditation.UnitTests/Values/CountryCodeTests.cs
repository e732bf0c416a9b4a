using Accreditation.Registration.Domain.Statistics;
using Accreditation.ServiceDefaults.Domain;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.UnitTests.Values;

public sealed class CountryCodeTests
{
    [Theory]
    [InlineData("KEN", "KEN")]
    [InlineData(" ken ", "KEN")]
    [InlineData("Aut", "AUT")]
    [InlineData("HKG", "HKG")]
    public void A_country_is_an_assigned_alpha_3_code_trimmed_and_in_capitals(string given, string code) =>
        Assert.Equal(code, CountryCode.Parse(given).Value);

    [Theory]
    [InlineData("XYZ")]
    [InlineData("AUR")]
    [InlineData("XKX")]
    [InlineData("EUU")]
    [InlineData("Kenya")]
    [InlineData("KE")]
    [InlineData("K3N")]
    public void A_code_nobody_assigned_is_no_country(string given)
    {
        Assert.False(CountryCode.TryParse(given, out _));
        var error = Assert.Throws<InvalidFieldException>(() => CountryCode.Parse(given));
        Assert.Equal(("country", CommonReasons.CountryInvalid), (error.Field, error.Reason));
        Assert.Equal(given.Trim().ToUpperInvariant(), error.Metadata["value"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void A_missing_country_is_required(string? given) =>
        Assert.Equal(CommonReasons.FieldRequired, Assert.Throws<InvalidFieldException>(() => CountryCode.Parse(given)).Reason);

    [Theory]
    [InlineData("KEN", true)]
    [InlineData("ken", false)]
    [InlineData(" KEN", false)]
    [InlineData("XYZ", false)]
    [InlineData(null, false)]
    public void A_stored_code_is_checked_exactly_as_it_is(string? code, bool assigned) =>
        Assert.Equal(assigned, CountryCode.IsAssigned(code));

    [Fact]
    public void Every_officially_assigned_code_is_known_once() =>
        Assert.Equal(249, CountryCode.Assigned.Count);

    [Fact]
    public void Every_country_of_a_regional_group_is_an_assigned_code()
    {
        var grouped = Enum.GetValues<RegionalGroup>().Where(g => g != RegionalGroup.None).SelectMany(RegionalGroups.Members).ToList();

        Assert.All(grouped, code => Assert.True(CountryCode.IsAssigned(code), $"{code} is no assigned code"));
        Assert.Equal(grouped.Count, grouped.Distinct().Count());
    }
}
