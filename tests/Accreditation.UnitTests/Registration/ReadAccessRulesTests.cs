using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.UnitTests.Registration;

/// <summary>Who may read an application, decided from the membership an untracked read found.</summary>
public sealed class ReadAccessRulesTests
{
    static readonly Guid OrganizationId = Guid.NewGuid();

    [Fact]
    public void A_member_of_the_applying_organization_may_read() =>
        Access.EnsureCanRead(new Caller("member", Roles.Organization, null), OrganizationId, callerIsMember: true);

    [Fact]
    public void An_organization_user_who_is_not_a_member_is_refused_with_the_organization_named()
    {
        var refused = Assert.Throws<AccessDeniedException>(() =>
            Access.EnsureCanRead(new Caller("stranger", Roles.Organization, null), OrganizationId, callerIsMember: false));
        Assert.Equal(RegistrationReasons.NotAMember, refused.Reason);
        Assert.Contains(OrganizationId.ToString(), refused.Message);
    }

    [Theory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Auditor)]
    public void The_secretariat_reads_every_application(string role) =>
        Access.EnsureCanRead(new Caller("staff", role, null), OrganizationId, callerIsMember: false);

    [Fact]
    public void A_state_client_is_refused_even_when_its_subject_were_listed_as_a_member()
    {
        var refused = Assert.Throws<AccessDeniedException>(() =>
            Access.EnsureCanRead(new Caller("client", Roles.State, "FRA"), OrganizationId, callerIsMember: true));
        Assert.Equal(CommonReasons.RoleNotAllowed, refused.Reason);
    }
}
