using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.UnitTests.Notifications;

public sealed class InboxAudienceTests
{
    static readonly Guid First = Guid.NewGuid();
    static readonly Guid Second = Guid.NewGuid();

    [Fact]
    public void An_organization_user_sees_the_inbox_of_every_organization_it_is_a_member_of()
    {
        var audience = InboxAudience.For(new Caller("user-1", Roles.Organization, null), [First, Second]);
        Assert.Equal([Recipients.Organization(First), Recipients.Organization(Second)], audience.Recipients);
        Assert.Null(audience.StateReader);
    }

    [Fact]
    public void An_organization_user_who_is_a_member_of_nothing_sees_nothing()
    {
        Assert.Empty(InboxAudience.For(new Caller("user-1", Roles.Organization, null), []).Recipients);
    }

    [Fact]
    public void A_state_party_sees_its_own_notices_and_those_to_every_state_party()
    {
        var audience = InboxAudience.For(new Caller("client-aut", Roles.State, "AUT"), [First]);
        Assert.Equal(["state:AUT", "states"], audience.Recipients);
        Assert.Equal("state:AUT", audience.StateReader);
        Assert.False(audience.Sees("state:MEX"));
        Assert.False(audience.Sees(Recipients.Organization(First)));
    }

    [Fact]
    public void A_state_client_whose_token_names_no_state_is_refused()
    {
        Assert.Throws<AccessDeniedException>(() => InboxAudience.For(new Caller("client", Roles.State, null), []));
    }

    [Theory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Auditor)]
    public void Secretariat_staff_see_the_secretariat_inbox_only(string role)
    {
        var audience = InboxAudience.For(new Caller("staff", role, null), [First]);
        Assert.Equal([Recipients.Secretariat], audience.Recipients);
        Assert.False(audience.Sees(Recipients.States));
    }

    [Fact]
    public void An_unknown_role_has_no_inbox()
    {
        Assert.Throws<AccessDeniedException>(() => InboxAudience.For(new Caller("x", "robot", null), []));
    }

    [Fact]
    public void An_auditor_may_not_mark_a_notice_read_but_an_officer_may()
    {
        Assert.Throws<AccessDeniedException>(() => InboxAudience.RequireMayMarkRead(new Caller("a", Roles.Auditor, null)));
        InboxAudience.RequireMayMarkRead(new Caller("o", Roles.Officer, null));
    }
}
