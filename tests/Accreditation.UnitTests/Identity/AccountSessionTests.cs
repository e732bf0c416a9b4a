using Accreditation.Identity.Domain;

namespace Accreditation.UnitTests.Identity;

public sealed class AccountSessionTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_session_allows_refresh_for_its_own_account_until_it_ends()
    {
        var session = AccountSession.Start("user-1", Now);

        Assert.True(session.Allows("user-1"));
        Assert.False(session.Allows("user-2"));
        session.End(Now.AddHours(1));
        Assert.False(session.Allows("user-1"));
    }

    [Fact]
    public void A_refresh_buys_tokens_only_for_an_existing_account_with_its_stamp_unchanged_in_a_session_not_ended()
    {
        var user = new AccountUser { Id = "user-1", SecurityStamp = "stamp-1" };
        var session = AccountSession.Start("user-1", Now);

        Assert.True(AccountSession.AllowsRefresh(user, "stamp-1", session));
        Assert.False(AccountSession.AllowsRefresh(null, "stamp-1", session));
        Assert.False(AccountSession.AllowsRefresh(user, "stamp-0", session));
        Assert.False(AccountSession.AllowsRefresh(user, "stamp-1", null));
        Assert.False(AccountSession.AllowsRefresh(user, "stamp-1", AccountSession.Start("user-2", Now)));
        session.End(Now.AddHours(1));
        Assert.False(AccountSession.AllowsRefresh(user, "stamp-1", session));
    }

    [Fact]
    public void Ending_an_ended_session_keeps_the_first_end()
    {
        var session = AccountSession.Start("user-1", Now);
        session.End(Now.AddHours(1));
        session.End(Now.AddHours(2));

        Assert.Equal(Now.AddHours(1), session.EndedAt);
    }

    [Fact]
    public void Only_its_own_account_signs_a_session_out()
    {
        var session = AccountSession.Start("user-1", Now);

        Assert.False(session.EndBy("user-2", Now.AddHours(1)));
        Assert.True(session.IsActive);
        Assert.True(session.EndBy("user-1", Now.AddHours(2)));
        Assert.Equal(Now.AddHours(2), session.EndedAt);
    }

    [Fact]
    public void Every_sign_in_is_a_session_of_its_own() =>
        Assert.NotEqual(AccountSession.Start("user-1", Now).Id, AccountSession.Start("user-1", Now).Id);
}
