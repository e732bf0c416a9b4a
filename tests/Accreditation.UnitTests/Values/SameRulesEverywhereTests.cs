using Accreditation.Identity.Domain;
using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Domain;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.UnitTests.Values;

/// <summary>
/// Every place an address or a country comes in judges it alike: what one service refuses, none
/// stores (an invitee and a representative at a@localhost were once judged differently, and an
/// organization in "XYZ" was stored while no State party could be "XYZ").
/// </summary>
public sealed class SameRulesEverywhereTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, bool> Addresses => new()
    {
        { "a@localhost", false },
        { "Amina <amina@example.org>", false },
        { "amina@example.org.", false },
        { new string('a', 250) + "@example.org", false },
        { "amina@example.org", true },
        { " Amina.Diallo@Example.org ", true },
    };

    static string? Refusal(Action parse)
    {
        try
        {
            parse();
            return null;
        }
        catch (InvalidFieldException e)
        {
            return $"{e.Field} {e.Reason}";
        }
    }

    [Theory]
    [MemberData(nameof(Addresses))]
    public void An_address_is_judged_alike_for_an_account_an_invitee_a_representative_and_a_staff_member(string address, bool valid)
    {
        var shared = Refusal(() => EmailAddress.Parse(address));
        Assert.Equal(valid, shared is null);

        Assert.Equal(shared, Refusal(() => Invitation.Create(Guid.NewGuid(), address, "founder", Now)));
        Assert.Equal(shared, Refusal(() => RepresentativeDetails.Parse("Amina Diallo", "Director", address)));
        Assert.Equal(valid, Record.Exception(() => StaffRegistration.Create("Identity:Staff:0", address, "officer", "Staff-Password-1", null)) is null);
    }

    [Fact]
    public void An_invitee_and_a_representative_at_localhost_are_both_refused()
    {
        Assert.Equal(CommonReasons.EmailInvalid, Assert.Throws<InvalidFieldException>(() => Invitation.Create(Guid.NewGuid(), "a@localhost", "founder", Now)).Reason);
        Assert.Equal(CommonReasons.EmailInvalid, Assert.Throws<InvalidFieldException>(() => RepresentativeDetails.Parse("Amina Diallo", "", "a@localhost")).Reason);
    }

    [Theory]
    [InlineData("KEN", true)]
    [InlineData("AUT", true)]
    [InlineData("XYZ", false)]
    [InlineData("AUR", false)]
    public void A_country_is_judged_alike_for_an_organization_and_a_state_party(string code, bool valid)
    {
        var organization = Refusal(() => OrganizationProfile.Parse("Network", null, StakeholderCategory.Ngo, code, EcosocStatus.None, null, []));
        Assert.Equal(valid ? null : $"country {CommonReasons.CountryInvalid}", organization);
        Assert.Equal(valid, StateCode.IsValid(code));
        Assert.Equal(valid, Record.Exception(() => ApiClient.ForState(code, "1a2b3c4d", Now)) is null);
    }
}
