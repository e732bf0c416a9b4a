using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.UnitTests.Notifications;

public sealed class InboxAudienceTests
{
    static readonly Guid First = Guid.NewGuid();

    [Fact]
    public void An_organization_user_sees_what_the_member_directory_lists_for_it_and_no_other_recipient()
    {
        var audience = InboxAudience.For(new Caller("user-1", Roles.Organization, null));
        Assert.Equal("user-1", audience.Member);
        Assert.Null(audience.StateReader);
        Assert.False(audience.Sees(Recipients.States));
        Assert.False(audience.Sees(Recipients.Secretariat));
    }

    [Fact]
    public void An_organization_notice_names_its_organization_and_no_other_notice_does()
    {
        Assert.Equal(First, Recipients.OrganizationOf(Recipients.Organization(First)));
        Assert.Null(Recipients.OrganizationOf(Recipients.State("AUT")));
        Assert.Null(Recipients.OrganizationOf(Recipients.States));
        Assert.Null(Recipients.OrganizationOf("organization:not-a-guid"));
    }

    [Fact]
    public void A_state_party_sees_its_own_notices_and_those_to_every_state_party()
    {
        var audience = InboxAudience.For(new Caller("client-aut", Roles.State, "AUT"));
        Assert.Equal(["state:AUT", "states"], audience.Recipients);
        Assert.Equal("state:AUT", audience.StateReader);
        Assert.False(audience.Sees("state:MEX"));
        Assert.False(audience.Sees(Recipients.Organization(First)));
    }

    [Fact]
    public void A_state_client_whose_token_names_no_state_is_refused()
    {
        Assert.Throws<AccessDeniedException>(() => InboxAudience.For(new Caller("client", Roles.State, null)));
    }

    [Theory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Auditor)]
    public void Secretariat_staff_see_the_secretariat_inbox_only(string role)
    {
        var audience = InboxAudience.For(new Caller("staff", role, null));
        Assert.Equal([Recipients.Secretariat], audience.Recipients);
        Assert.False(audience.Sees(Recipients.States));
    }

    [Fact]
    public void An_unknown_role_has_no_inbox()
    {
        Assert.Throws<AccessDeniedException>(() => InboxAudience.For(new Caller("x", "robot", null)));
    }

    [Fact]
    public void An_auditor_may_not_mark_a_notice_read_but_an_officer_may()
    {
        Assert.Throws<AccessDeniedException>(() => InboxAudience.RequireMayMarkRead(new Caller("a", Roles.Auditor, null)));
        InboxAudience.RequireMayMarkRead(new Caller("o", Roles.Officer, null));
    }
}
