using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Notifications.Domain;

/// <summary>
/// The recipients whose notices a caller sees: an organization user those of every organization
/// the member directory lists the user in (<see cref="Member"/>, resolved by the inbox's query, so
/// the audience stays one value however many organizations that is); a State party its own and
/// those to every State party; secretariat staff (officer or auditor) the secretariat's.
/// </summary>
public sealed record InboxAudience(IReadOnlyList<string> Recipients, string? StateReader, string? Member = null)
{
    public static InboxAudience For(Caller caller) => caller.Role switch
    {
        Roles.Organization => new([], null, caller.Subject),
        Roles.State => ForState(caller.RequireStateCode()),
        Roles.Officer or Roles.Auditor => new([Domain.Recipients.Secretariat], null),
        _ => throw new AccessDeniedException($"The role {caller.Role} has no inbox.", NotificationReasons.RoleHasNoInbox, ("role", caller.Role)),
    };

    static InboxAudience ForState(string stateCode)
    {
        var own = Domain.Recipients.State(stateCode);
        return new([own, Domain.Recipients.States], own);
    }

    /// <summary>Whether a recipient other than an organization is the caller's (a member's organizations are the directory's to say).</summary>
    public bool Sees(string recipient) => Recipients.Contains(recipient);

    /// <summary>Marking a notice read changes something, which an auditor may not do.</summary>
    public static void RequireMayMarkRead(Caller caller)
    {
        if (caller.Role == Roles.Auditor)
            throw new AccessDeniedException("An auditor reads the inbox but changes nothing in it.", NotificationReasons.AuditorReadsOnly);
    }
}
