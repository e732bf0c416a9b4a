using Accreditation.Identity.Domain;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.UnitTests.Identity;

public sealed class EmailConfirmationTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_e_mailed_code_confirms_the_account_and_only_its_hash_is_kept()
    {
        var user = new AccountUser();
        var code = EmailConfirmation.Start(user, Now);

        Assert.False(user.EmailConfirmed);
        Assert.DoesNotContain(code, user.EmailConfirmationHash);
        EmailConfirmation.Confirm(user, code, Now.AddDays(1));
        Assert.True(user.EmailConfirmed);
    }

    [Fact]
    public void A_wrong_code_and_an_unknown_account_get_the_same_answer()
    {
        var user = new AccountUser();
        EmailConfirmation.Start(user, Now);
        var wrong = Assert.Throws<InvalidFieldException>(() => EmailConfirmation.Confirm(user, "guess", Now));
        var unknown = Assert.Throws<InvalidFieldException>(() => EmailConfirmation.Confirm(null, "guess", Now));
        Assert.Equal("code", wrong.Field);
        Assert.Equal(wrong.Message, unknown.Message);
        Assert.False(user.EmailConfirmed);
    }

    [Fact]
    public void A_new_code_is_sent_at_most_once_a_minute()
    {
        var user = new AccountUser();
        Assert.True(EmailConfirmation.MayRestart(user, Now));
        EmailConfirmation.Start(user, Now);
        Assert.False(EmailConfirmation.MayRestart(user, Now.AddSeconds(59)));
        Assert.True(EmailConfirmation.MayRestart(user, Now.AddMinutes(1)));
    }

    [Fact]
    public void A_new_code_on_request_goes_only_to_an_organization_account_not_yet_confirmed()
    {
        var organization = new AccountUser { Role = Roles.Organization };
        Assert.True(EmailConfirmation.MayResend(organization, Now));
        Assert.False(EmailConfirmation.MayResend(null, Now));
        Assert.False(EmailConfirmation.MayResend(new AccountUser { Role = Roles.State }, Now));
        Assert.False(EmailConfirmation.MayResend(new AccountUser { Role = Roles.Organization, EmailConfirmed = true }, Now));
        EmailConfirmation.Start(organization, Now);
        Assert.False(EmailConfirmation.MayResend(organization, Now.AddSeconds(59)));
    }

    [Fact]
    public void Only_an_organization_account_with_its_address_unconfirmed_is_held_back_and_only_when_confirmation_is_required()
    {
        var unconfirmed = new AccountUser { Role = Roles.Organization };
        Assert.True(EmailConfirmation.HoldsBackSignIn(unconfirmed, confirmationRequired: true));
        Assert.False(EmailConfirmation.HoldsBackSignIn(unconfirmed, confirmationRequired: false));
        Assert.False(EmailConfirmation.HoldsBackSignIn(new AccountUser { Role = Roles.Organization, EmailConfirmed = true }, confirmationRequired: true));
        Assert.False(EmailConfirmation.HoldsBackSignIn(new AccountUser { Role = Roles.Officer }, confirmationRequired: true));
    }

    [Fact]
    public void An_expired_code_confirms_nothing()
    {
        var user = new AccountUser();
        var code = EmailConfirmation.Start(user, Now);
        Assert.Throws<RuleViolationException>(() => EmailConfirmation.Confirm(user, code, Now + EmailConfirmation.Lifetime + TimeSpan.FromSeconds(1)));
        Assert.False(user.EmailConfirmed);
    }
}
