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

    public static void EnsureMember(Caller caller, Organization organization)
    {
        caller.Require(Roles.Organization);
        if (!organization.HasMember(caller.Subject))
            throw new AccessDeniedException($"The caller is not a member of organization {organization.Id}.",
                RegistrationReasons.NotAMember, ("organization_id", organization.Id));
    }
}
