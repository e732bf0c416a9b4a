using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain;

/// <summary>Object-level rules: an organization's data is its members' and the secretariat's.</summary>
public static class Access
{
    public static void EnsureCanRead(Caller caller, Organization organization)
    {
        if (caller.IsSecretariat)
            return;
        EnsureMember(caller, organization);
    }

    /// <summary>The same rule where only the caller's membership was read (an untracked read's), not the organization.</summary>
    public static void EnsureCanRead(Caller caller, Guid organizationId, bool callerIsMember)
    {
        if (caller.IsSecretariat)
            return;
        EnsureMember(caller, organizationId, callerIsMember);
    }

    public static void EnsureMember(Caller caller, Organization organization) =>
        EnsureMember(caller, organization.Id, organization.HasMember(caller.Subject));

    static void EnsureMember(Caller caller, Guid organizationId, bool callerIsMember)
    {
        caller.Require(Roles.Organization);
        if (!callerIsMember)
            throw new AccessDeniedException($"The caller is not a member of organization {organizationId}.",
                RegistrationReasons.NotAMember, ("organization_id", organizationId));
    }
}
