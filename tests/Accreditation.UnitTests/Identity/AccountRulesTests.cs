using Accreditation.Identity.Domain;
using Accreditation.ServiceDefaults.Domain;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.UnitTests.Identity;

public sealed class AccountRulesTests
{
    [Theory]
    [InlineData(null, "en")]
    [InlineData("", "en")]
    [InlineData("fr", "fr")]
    [InlineData(" ES ", "es")]
    public void The_language_defaults_to_english(string? given, string expected) =>
        Assert.Equal(expected, AccountLanguage.Parse(given));

    [Theory]
    [InlineData("de")]
    [InlineData("english")]
    public void Only_english_french_and_spanish_are_offered(string given)
    {
        var error = Assert.Throws<InvalidFieldException>(() => AccountLanguage.Parse(given));

        Assert.Equal("language", error.Field);
    }

    [Theory]
    [InlineData("ana@example.org", "ana@example.org")]
    [InlineData("  o'brien+un@mail.example.org ", "o'brien+un@mail.example.org")]
    public void A_valid_address_is_kept_trimmed(string given, string expected) =>
        Assert.Equal(expected, EmailAddress.Parse(given).Value);

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("ana")]
    [InlineData("ana@")]
    [InlineData("@example.org")]
    [InlineData("ana@localhost")]
    [InlineData("Ana <ana@example.org>")]
    [InlineData("ana@example.org.")]
    public void An_invalid_address_names_the_email_field(string? given)
    {
        var error = Assert.Throws<InvalidFieldException>(() => EmailAddress.Parse(given));

        Assert.Equal("email", error.Field);
    }

    [Fact]
    public void An_overlong_address_is_refused() =>
        Assert.Throws<InvalidFieldException>(() => EmailAddress.Parse(new string('a', 250) + "@example.org"));

    [Theory]
    [InlineData("AUT", true)]
    [InlineData("KEN", true)]
    [InlineData("EUU", true)]
    [InlineData("EUR", false)]
    [InlineData("aut", false)]
    [InlineData("AU", false)]
    [InlineData("AUTX", false)]
    [InlineData(" AUT", false)]
    [InlineData("AUR", false)]
    [InlineData("XXX", false)]
    [InlineData(null, false)]
    public void A_state_code_is_an_assigned_iso_3166_alpha_3_code_in_capitals_or_EUU_for_the_European_Union(string? code, bool valid) =>
        Assert.Equal(valid, StateCode.IsValid(code));

    [Fact]
    public void Every_officially_assigned_alpha_3_code_is_known() => Assert.Equal(249, CountryCode.Assigned.Count);
}
