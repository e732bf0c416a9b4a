using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain;

/// <summary>An Eligible application of the dialogue with the organization whose profile decides whether it circulates.</summary>
public sealed record EligibleApplicant(Application Application, Organization Organization);

/// <summary>
/// The secretariat circulates a dialogue's Eligible applications in one round: each goes to the
/// States parties under one circulation id and deadline, or, where the dialogue's policy does not
/// circulate it (rule 17), is admitted at once.
/// </summary>
public sealed record CirculationRound(
    Guid CirculationId, DateTimeOffset Deadline,
    IReadOnlyList<EligibleApplicant> Circulated, IReadOnlyList<EligibleApplicant> AdmittedWithoutCirculation)
{
    /// <param name="requestedDeadline">The officer's deadline; none means the dialogue's objection period from now.</param>
    public static CirculationRound Run(Dialogue dialogue, IReadOnlyList<EligibleApplicant> eligible, DateTimeOffset? requestedDeadline,
        Guid circulationId, Actor officer, DateTimeOffset now)
    {
        if (eligible.Count == 0)
            throw new RuleViolationException("The dialogue has no Eligible application to circulate.", RegistrationReasons.NoEligibleApplication)
                { Subject = $"dialogues/{dialogue.Id}" };
        var deadline = requestedDeadline ?? now.AddDays(dialogue.ObjectionPeriodDays);
        if (deadline <= now)
            throw new InvalidFieldException("deadline", "must be in the future", CommonReasons.DateNotInFuture);
        var circulated = new List<EligibleApplicant>();
        var admitted = new List<EligibleApplicant>();
        foreach (var applicant in eligible)
        {
            if (dialogue.Circulates(applicant.Organization))
            {
                applicant.Application.Circulate(circulationId, deadline, officer, now);
                circulated.Add(applicant);
            }
            else
            {
                applicant.Application.AdmitWithoutCirculation(officer, now);
                admitted.Add(applicant);
            }
        }
        return new CirculationRound(circulationId, deadline, circulated, admitted);
    }
}
