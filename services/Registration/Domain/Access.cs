using System.Linq.Expressions;
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

    /// <summary>
    /// Who else is admitted to a dialogue (whom a speaker may speak for) is for the organizations
    /// admitted to it: one of the caller's <paramref name="ownOrganizations"/> must be among them.
    /// </summary>
    public static void EnsureAdmittedAmong(IReadOnlySet<Guid> ownOrganizations, IEnumerable<Organization> admitted, Guid dialogueId)
    {
        if (!admitted.Any(o => ownOrganizations.Contains(o.Id)))
            throw new AccessDeniedException($"None of the caller's organizations is admitted to dialogue {dialogueId}.",
                RegistrationReasons.NoOrganizationAdmitted, ("dialogue_id", dialogueId));
    }

    /// <summary>
    /// The applications a caller lists, as a filter the database runs: the secretariat every one,
    /// anyone else those of the organizations it is a member of (among <paramref name="members"/>).
    /// </summary>
    public static Expression<Func<Application, bool>> ApplicationsReadableBy(Caller caller, IQueryable<OrganizationMember> members)
    {
        if (caller.IsSecretariat)
            return a => true;
        var subject = caller.Subject;
        return a => members.Any(m => m.OrganizationId == a.OrganizationId && m.Subject == subject);
    }

    /// <summary>The organizations a caller lists: the secretariat every one, anyone else those it is a member of.</summary>
    public static Expression<Func<Organization, bool>> OrganizationsReadableBy(Caller caller)
    {
        if (caller.IsSecretariat)
            return o => true;
        var subject = caller.Subject;
        return o => o.Members.Any(m => m.Subject == subject);
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
