using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain.Ledger;

/// <summary>
/// Who may have an entry with its inclusion proof (DESIGN.md sections 1 and 7): the secretariat
/// any; an organization's members the entries of its own applications, except those of objections
/// (they name the State); a State party the entries of its own objections. Nobody another party's.
/// </summary>
public static class LedgerProofAccess
{
    public static bool IsObjectionFact(LedgerEntry entry) =>
        entry.Kind is LedgerKinds.ObjectionFiled or LedgerKinds.ObjectionWithdrawn;

    /// <param name="isMemberOfEntryOrganization">Whether the caller is a member of the entry's organization (only asked of organization users).</param>
    public static void EnsureMayProve(Caller caller, LedgerEntry entry, bool isMemberOfEntryOrganization)
    {
        if (caller.IsSecretariat)
            return;
        switch (caller.Role)
        {
            case Roles.State:
                var state = caller.RequireStateCode();
                if (IsObjectionFact(entry) && entry.ActorRole == Roles.State && string.Equals(entry.ActorSubject, state, StringComparison.OrdinalIgnoreCase))
                    return;
                throw new AccessDeniedException($"Entry {entry.Sequence} is not one of {state}'s objections.",
                    RegistrationReasons.LedgerEntryNotOwnObjection, ("sequence", entry.Sequence), ("state_code", state));
            case Roles.Organization:
                if (entry.OrganizationId is not null && isMemberOfEntryOrganization && !IsObjectionFact(entry))
                    return;
                throw new AccessDeniedException($"Entry {entry.Sequence} is not one of the caller's organizations' own entries.",
                    RegistrationReasons.LedgerEntryNotOwn, ("sequence", entry.Sequence));
            default:
                throw new AccessDeniedException($"The role {caller.Role} has no ledger entries of its own.",
                    RegistrationReasons.RoleHasNoLedgerEntries, ("role", caller.Role));
        }
    }
}
