using Accreditation.Identity.Domain;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.UnitTests.Identity;

public sealed class ApiClientTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_state_client_is_named_after_its_state_and_carries_it()
    {
        var client = ApiClient.ForState("AUT", "1a2b3c4d", Now);
        Assert.Equal("state-aut-1a2b3c4d", client.ClientId);
        Assert.Equal(Roles.State, client.Role);
        Assert.Equal("AUT", TokenSubject.ForClient(client).StateCode);
        Assert.True(client.Managed);
    }

    [Theory]
    [InlineData("", "is required")]
    [InlineData("aut", "ISO 3166-1")]
    [InlineData("AUR", "ISO 3166-1")]
    public void A_state_client_needs_an_assigned_state_code(string code, string reason)
    {
        var error = Assert.Throws<InvalidFieldException>(() => ApiClient.ForState(code, "x", Now));
        Assert.Equal("state_code", error.Field);
        Assert.Contains(reason, error.Description);
        Assert.Equal(code.Length == 0 ? CommonReasons.FieldRequired : IdentityReasons.StateCodeInvalid, error.Reason);
    }

    [Fact]
    public void A_revoked_client_can_be_neither_rotated_nor_revoked_again()
    {
        var client = ApiClient.ForState("KEN", "x", Now);
        client.Revoke(Now.AddHours(1));
        Assert.Equal(Now.AddHours(1), client.RevokedAt);
        Assert.Contains("revoked", Assert.Throws<RuleViolationException>(() => client.RotateSecret(Now.AddHours(2))).Message);
        Assert.Throws<RuleViolationException>(() => client.Revoke(Now.AddHours(2)));
    }

    [Fact]
    public void The_secretariat_manages_the_clients_it_created_and_not_those_set_in_configuration()
    {
        ApiClient.ForState("KEN", "x", Now).EnsureManaged();

        var configured = new ApiClient("state-aut", Roles.State, "AUT");
        var refused = Assert.Throws<RuleViolationException>(configured.EnsureManaged);
        Assert.Equal((IdentityReasons.ClientConfigured, "state-aut"), (refused.Reason, refused.Metadata["client_id"]));
        Assert.Contains("Identity:Clients", refused.Message);
    }
}
