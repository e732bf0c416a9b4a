using Accreditation.Contracts;
using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;

namespace Accreditation.Registration.Messaging;

/// <summary>The integration events an application's changes publish (through the outbox).</summary>
public static class RegistrationEvents
{
    public static ApplicationSubmitted Submitted(ApplicationCase c, DateTimeOffset at) =>
        new(c.Application.Id, c.Organization.Id, c.Organization.Name, c.Dialogue.Id, c.Dialogue.Title, at);

    public static ApplicationScreened Screened(ApplicationCase c, bool eligible, string? reason, DateTimeOffset at) =>
        new(c.Application.Id, c.Organization.Id, c.Organization.Name, c.Dialogue.Id, c.Dialogue.Title, eligible, reason, at);

    public static InformationRequested InformationRequested(ApplicationCase c, string question, DateTimeOffset answerBy, DateTimeOffset at) =>
        new(c.Application.Id, c.Organization.Id, c.Organization.Name, c.Dialogue.Id, c.Dialogue.Title, question, answerBy, at);

    public static ApplicationLapsed Lapsed(ApplicationCase c, DateTimeOffset answerBy, DateTimeOffset at) =>
        new(c.Application.Id, c.Organization.Id, c.Organization.Name, c.Dialogue.Id, c.Dialogue.Title, answerBy, at);

    public static ApplicationWithdrawn Withdrawn(ApplicationCase c, string reason, DateTimeOffset at) =>
        new(c.Application.Id, c.Organization.Id, c.Organization.Name, c.Dialogue.Id, c.Dialogue.Title, reason, at);

    public static ApplicationDecided Decided(ApplicationCase c, DateTimeOffset at) =>
        new(c.Application.Id, c.Organization.Id, c.Organization.Name, c.Dialogue.Id, c.Dialogue.Title,
            c.Application.State.ToString(), c.Application.Changes[^1].Reason,
            c.Application.ObjectionRaised, c.Dialogue.Policy.DiscloseObjectionToOrganization, at);

    public static ObjectionRaised ObjectionRaised(ApplicationCase c, DateTimeOffset deadline, DateTimeOffset at) =>
        new(c.Application.Id, c.Organization.Id, c.Organization.Name, c.Dialogue.Id, c.Dialogue.Title, deadline, at);

    /// <summary>
    /// What a circulation round publishes: each application admitted without circulation is
    /// decided; the circulated ones go to Objections together, under the round's id and deadline
    /// (none when the round circulated nobody).
    /// </summary>
    public static (IReadOnlyList<ApplicationDecided> Decided, ApplicationsCirculated? Circulated) Of(CirculationRound round, Dialogue dialogue, DateTimeOffset at) =>
        (round.AdmittedWithoutCirculation.Select(a => Decided(new ApplicationCase(a.Application, a.Organization, dialogue), at)).ToList(),
         round.Circulated.Count == 0 ? null
            : new ApplicationsCirculated(round.CirculationId, dialogue.Id, dialogue.Title, at, round.Deadline,
                round.Circulated.Select(c => Applicant(c.Application, c.Organization)).ToList()));

    public static CirculatedApplicant Applicant(Application application, Organization organization) =>
        new(application.Id, organization.Id, organization.Name, organization.Acronym, organization.Category.ToString(),
            organization.Country, organization.EcosocStatus.ToString(), organization.Website);
}
