using Accreditation.ServiceDefaults.Domain;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.UnitTests.Values;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("ana@example.org", "ana@example.org")]
    [InlineData("  o'brien+un@mail.example.org ", "o'brien+un@mail.example.org")]
    [InlineData("Ana.Lima@Example.ORG", "Ana.Lima@Example.ORG")]
    public void An_address_is_kept_as_typed_but_trimmed(string given, string kept) =>
        Assert.Equal(kept, EmailAddress.Parse(given).Value);

    [Fact]
    public void Addresses_are_compared_without_regard_to_case_and_stored_lower_cased_where_they_are_keys()
    {
        var typed = EmailAddress.Parse("Ana.Lima@Example.ORG");

        Assert.Equal(EmailAddress.Parse(" ana.lima@example.org"), typed);
        Assert.Equal(EmailAddress.Parse("ana.lima@example.org").GetHashCode(), typed.GetHashCode());
        Assert.Equal("ana.lima@example.org", typed.Normalized);
    }

    [Theory]
    [InlineData("a@localhost")]
    [InlineData("ana@intranet")]
    [InlineData("ana@example.org.")]
    [InlineData("ana@.example.org")]
    [InlineData("Ana <ana@example.org>")]
    [InlineData("ana")]
    [InlineData("ana@")]
    [InlineData("@example.org")]
    [InlineData("ana@exa mple.org")]
    public void Only_a_bare_address_with_a_dotted_host_is_an_address(string given)
    {
        Assert.False(EmailAddress.TryParse(given, out _));
        var error = Assert.Throws<InvalidFieldException>(() => EmailAddress.Parse(given));
        Assert.Equal(("email", CommonReasons.EmailInvalid), (error.Field, error.Reason));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_address_is_required_on_the_field_the_caller_names(string? given)
    {
        var error = Assert.Throws<InvalidFieldException>(() => EmailAddress.Parse(given, "representative_email"));
        Assert.Equal(("representative_email", CommonReasons.FieldRequired), (error.Field, error.Reason));
    }

    [Fact]
    public void An_address_has_at_most_254_characters()
    {
        var longest = new string('a', 254 - "@example.org".Length) + "@example.org";
        Assert.Equal(longest, EmailAddress.Parse(longest).Value);

        var error = Assert.Throws<InvalidFieldException>(() => EmailAddress.Parse("a" + longest));
        Assert.Equal(CommonReasons.EmailTooLong, error.Reason);
        Assert.Equal("254", error.Metadata["max_length"]);
    }

    [Fact]
    public void An_address_never_parsed_is_empty_not_null() => Assert.Equal("", default(EmailAddress).Value);
}
