using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain.Programme;

public enum PanellistStatus { Invited = 1, Accepted, Declined }

/// <summary>
/// A representative invited to the panel of an agenda item. The representative's organization
/// answers for them; the name comes from the representative, so the purge reaches it.
/// </summary>
public sealed class Panellist
{
    Panellist() { }

    public Guid Id { get; private set; }
    public Guid DialogueId { get; private set; }
    public Guid AgendaItemId { get; private set; }
    public Guid RepresentativeId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public PanellistStatus Status { get; private set; }

    /// <summary>An organization user sees its own representatives' invitations and the others' accepted panellists.</summary>
    public bool IsSeenBy(IReadOnlySet<Guid> ownOrganizations) => ownOrganizations.Contains(OrganizationId) || Status == PanellistStatus.Accepted;
    public DateTimeOffset InvitedAt { get; private set; }
    public string InvitedBy { get; private set; } = "";
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? AnsweredBy { get; private set; }

    /// <param name="application">The representative's application (to the same dialogue).</param>
    public static Panellist Invite(Dialogue dialogue, AgendaItem item, Representative representative, Application application,
        Actor actor, DateTimeOffset now)
    {
        if (item.DialogueId != dialogue.Id || representative.DialogueId != dialogue.Id || application.Id != representative.ApplicationId)
            throw new InvalidFieldException("representative_id", "must be a representative to the agenda item's dialogue", RegistrationReasons.RepresentativeOfAnotherDialogue);
        item.EnsurePanel();
        dialogue.EnsureNotYetHeld(now);
        if (application.State != ApplicationState.Admitted)
            throw new RuleViolationException($"The representative's application is {application.State}; panellists come from admitted organizations.",
                RegistrationReasons.PanelNeedsAdmission, ("state", application.State)) { Subject = application.ResourceName() };
        if (!representative.IsActive)
            throw new RuleViolationException($"The representative is {representative.Status}.",
                RegistrationReasons.RepresentativeNotActive, ("representative_status", representative.Status)) { Subject = $"representatives/{representative.Id}" };
        if (representative.PurgedAt is not null)
            throw new RuleViolationException($"The representative's data was purged on {representative.PurgedAt:u}.",
                RegistrationReasons.RepresentativePurged, ("purged_at", representative.PurgedAt)) { Subject = $"representatives/{representative.Id}" };
        return new Panellist
        {
            Id = Guid.NewGuid(),
            DialogueId = dialogue.Id,
            AgendaItemId = item.Id,
            RepresentativeId = representative.Id,
            OrganizationId = representative.OrganizationId,
            ApplicationId = application.Id,
            Status = PanellistStatus.Invited,
            InvitedAt = now,
            InvitedBy = actor.Subject,
        };
    }

    /// <summary>The organization accepts or declines once, before the dialogue is over.</summary>
    public void Answer(bool accept, Dialogue dialogue, Actor actor, DateTimeOffset now)
    {
        if (Status != PanellistStatus.Invited)
            throw new RuleViolationException($"The invitation is {Status} already (answered on {AnsweredAt:u}).",
                RegistrationReasons.PanelInvitationAnswered, ("panellist_status", Status), ("answered_at", AnsweredAt)) { Subject = $"panellists/{Id}" };
        if (dialogue.HasTakenPlace(now))
            throw new RuleViolationException($"The dialogue took place on {dialogue.Date:yyyy-MM-dd}; its panel invitations can no longer be answered.",
                RegistrationReasons.PanelInvitationsClosed, ("date_on", dialogue.Date)) { Subject = $"dialogues/{dialogue.Id}" };
        Status = accept ? PanellistStatus.Accepted : PanellistStatus.Declined;
        AnsweredAt = now;
        AnsweredBy = actor.Subject;
    }
}
