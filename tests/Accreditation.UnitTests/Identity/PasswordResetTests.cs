using Accreditation.Identity.Domain;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.UnitTests.Identity;

public sealed class PasswordResetTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_e_mailed_code_is_valid_for_thirty_minutes_and_only_its_hash_is_kept()
    {
        var user = new AccountUser();
        var code = PasswordReset.Start(user, Now);

        Assert.DoesNotContain(code, user.PasswordResetHash);
        Assert.Equal(Now.AddMinutes(30), user.PasswordResetExpiresAt);
        PasswordReset.Verify(user, code, Now.AddMinutes(30));
    }

    [Fact]
    public void An_expired_code_is_refused_on_the_code_field()
    {
        var user = new AccountUser();
        var code = PasswordReset.Start(user, Now);

        var refused = Assert.Throws<InvalidFieldException>(() => PasswordReset.Verify(user, code, Now + PasswordReset.Lifetime + TimeSpan.FromSeconds(1)));
        Assert.Equal("code", refused.Field);
    }

    [Fact]
    public void A_code_works_once_and_renews_the_security_stamp()
    {
        var user = new AccountUser { SecurityStamp = "before" };
        var code = PasswordReset.Start(user, Now);

        PasswordReset.Verify(user, code, Now);
        PasswordReset.Complete(user);

        Assert.NotEqual("before", user.SecurityStamp);
        Assert.True(user.EmailConfirmed);
        Assert.Equal("code", Assert.Throws<InvalidFieldException>(() => PasswordReset.Verify(user, code, Now)).Field);
    }

    [Fact]
    public void A_wrong_code_a_used_code_and_an_unknown_account_get_the_same_answer()
    {
        var user = new AccountUser();
        PasswordReset.Start(user, Now);
        var wrong = Assert.Throws<InvalidFieldException>(() => PasswordReset.Verify(user, "guess", Now));
        var unknown = Assert.Throws<InvalidFieldException>(() => PasswordReset.Verify(null, "guess", Now));
        var never = Assert.Throws<InvalidFieldException>(() => PasswordReset.Verify(new AccountUser(), "guess", Now));

        Assert.Equal(wrong.Message, unknown.Message);
        Assert.Equal(wrong.Message, never.Message);
    }

    [Fact]
    public void A_new_code_replaces_the_previous_one_at_most_once_a_minute()
    {
        var user = new AccountUser();
        var first = PasswordReset.Start(user, Now);

        Assert.False(PasswordReset.MayRestart(user, Now.AddSeconds(59)));
        Assert.True(PasswordReset.MayRestart(user, Now.AddMinutes(1)));
        var second = PasswordReset.Start(user, Now.AddMinutes(1));

        Assert.Throws<InvalidFieldException>(() => PasswordReset.Verify(user, first, Now.AddMinutes(1)));
        PasswordReset.Verify(user, second, Now.AddMinutes(1));
    }

    [Fact]
    public void A_state_users_welcome_code_lasts_a_week()
    {
        var user = new AccountUser();
        var code = PasswordReset.Start(user, Now, PasswordReset.InvitationLifetime);

        PasswordReset.Verify(user, code, Now.AddDays(7));
        Assert.Throws<InvalidFieldException>(() => PasswordReset.Verify(user, code, Now.AddDays(7).AddSeconds(1)));
    }
}
