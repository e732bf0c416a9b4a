using Accreditation.Identity.Domain;

namespace Accreditation.UnitTests.Identity;

public sealed class TokenSubjectTests
{
    static Dictionary<string, string> Claims(TokenSubject subject) => subject.Claims().ToDictionary();

    [Fact]
    public void A_state_client_token_names_the_client_its_role_and_its_state()
    {
        var claims = Claims(TokenSubject.ForClient(new ApiClient("state-aut", "state", "AUT")));

        Assert.Equal(new Dictionary<string, string> { ["sub"] = "state-aut", ["role"] = "state", ["state"] = "AUT" }, claims);
    }

    [Fact]
    public void A_staff_client_token_names_no_state()
    {
        var claims = Claims(TokenSubject.ForClient(new ApiClient("secretariat-auditor", "auditor", null)));

        Assert.Equal(new Dictionary<string, string> { ["sub"] = "secretariat-auditor", ["role"] = "auditor" }, claims);
    }

    [Fact]
    public void A_state_client_without_a_valid_state_gets_no_token() =>
        Assert.Throws<InvalidOperationException>(() => TokenSubject.ForClient(new ApiClient("state-x", "state", "aut")));

    [Fact]
    public void A_user_token_is_an_organization_token_for_the_account_and_its_session()
    {
        var user = new AccountUser { Id = "user-1", Email = "ana@example.org" };

        var claims = Claims(TokenSubject.ForUser(user, "session-1"));

        Assert.Equal(new Dictionary<string, string> { ["sub"] = "user-1", ["role"] = "organization", ["email"] = "ana@example.org", ["sid"] = "session-1" }, claims);
    }

    [Fact]
    public void A_state_user_token_names_its_state_like_the_state_client_token()
    {
        var user = new AccountUser { Id = "user-2", Email = "kim@example.gov", Role = "state", StateCode = "KEN" };

        var claims = Claims(TokenSubject.ForUser(user, "session-2"));

        Assert.Equal(new Dictionary<string, string> { ["sub"] = "user-2", ["role"] = "state", ["state"] = "KEN", ["email"] = "kim@example.gov", ["sid"] = "session-2" }, claims);
    }

    [Fact]
    public void Only_a_state_user_token_names_a_state()
    {
        var staff = new AccountUser { Id = "user-3", Role = "officer", StateCode = "KEN" };

        Assert.False(Claims(TokenSubject.ForUser(staff, "s")).ContainsKey("state"));
        Assert.Throws<InvalidOperationException>(() => TokenSubject.ForUser(new AccountUser { Role = "state", StateCode = null }, "s"));
    }
}
