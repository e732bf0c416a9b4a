using Accreditation.Identity.Domain;

namespace Accreditation.UnitTests.Identity;

public sealed class ApiClientRegistrationTests
{
    const string Secret = "a-long-enough-secret";

    [Fact]
    public void A_state_client_keeps_its_state_code()
    {
        var client = ApiClientRegistration.Create("entry", " state-aut ", Secret, "State", "AUT");

        Assert.Equal(new ApiClientRegistration("state-aut", Secret, "state", "AUT"), client);
    }

    [Fact]
    public void A_staff_client_has_no_state()
    {
        var client = ApiClientRegistration.Create("entry", "secretariat-officer", Secret, "officer", "  ");

        Assert.Equal("officer", client.Role);
        Assert.Null(client.StateCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("aut")]
    [InlineData("AT")]
    [InlineData("AUTR")]
    [InlineData("A1T")]
    public void A_state_client_needs_an_uppercase_alpha3_code(string? state)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ApiClientRegistration.Create("Identity:Clients:3", "state-x", Secret, "state", state));

        Assert.StartsWith("Identity:Clients:3:", error.Message);
    }

    [Fact]
    public void A_staff_client_may_not_name_a_state() =>
        Assert.Throws<InvalidOperationException>(() => ApiClientRegistration.Create("entry", "auditor", Secret, "auditor", "AUT"));

    [Theory]
    [InlineData("organization")]
    [InlineData("admin")]
    [InlineData(null)]
    public void Only_state_officer_and_auditor_clients_exist(string? role) =>
        Assert.Throws<InvalidOperationException>(() => ApiClientRegistration.Create("entry", "client", Secret, role, null));

    [Theory]
    [InlineData("portal")]
    [InlineData("Portal")]
    public void The_portal_client_id_is_reserved(string clientId) =>
        Assert.Throws<InvalidOperationException>(() => ApiClientRegistration.Create("entry", clientId, Secret, "officer", null));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("with space")]
    public void A_client_id_is_required_and_has_no_spaces(string? clientId) =>
        Assert.Throws<InvalidOperationException>(() => ApiClientRegistration.Create("entry", clientId, Secret, "officer", null));

    [Fact]
    public void A_short_secret_is_refused_without_being_echoed()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ApiClientRegistration.Create("entry", "officer", "short-1", "officer", null));

        Assert.DoesNotContain("short-1", error.Message);
    }

    [Fact]
    public void The_secret_never_appears_in_the_text_of_a_registration() =>
        Assert.DoesNotContain(Secret, ApiClientRegistration.Create("entry", "officer", Secret, "officer", null).ToString());

    [Fact]
    public void One_client_id_configured_twice_is_refused()
    {
        ApiClientRegistration[] clients =
        [
            ApiClientRegistration.Create("0", "state-aut", Secret, "state", "AUT"),
            ApiClientRegistration.Create("1", "STATE-AUT", Secret, "state", "BRA"),
        ];

        Assert.Throws<InvalidOperationException>(() => ApiClientRegistration.EnsureDistinct(clients));
    }
}
