namespace Accreditation.Registration.Domain;

public enum NextStepKind
{
    AwaitingScreening = 1,
    AwaitingAnswer,
    AwaitingCirculation,
    ObjectionWindow,
    AwaitingReferralDecision,
    NominateDelegation,
}

/// <summary>Who acts next on an application.</summary>
public enum Party { Organization = 1, Secretariat, States }

/// <summary>
/// What an application waits for now, who acts and by when (where a date is known): the
/// timeline the organization's and the secretariat's pages show.
/// </summary>
public sealed record NextStep(NextStepKind Kind, Party Party, DateTimeOffset? Due)
{
    /// <summary>Null when nothing more is to happen: a final state, or an admission whose dialogue is over.</summary>
    public static NextStep? For(Application application, Dialogue dialogue, DateTimeOffset now) => application.State switch
    {
        ApplicationState.Submitted => new(NextStepKind.AwaitingScreening, Party.Secretariat, null),
        ApplicationState.InformationRequested => new(NextStepKind.AwaitingAnswer, Party.Organization, application.AnswerBy),
        ApplicationState.Eligible => new(NextStepKind.AwaitingCirculation, Party.Secretariat, null),
        ApplicationState.Circulated => new(NextStepKind.ObjectionWindow, Party.States, application.ObjectionDeadline),
        ApplicationState.Referred => new(NextStepKind.AwaitingReferralDecision, Party.Secretariat, null),
        ApplicationState.Admitted when !dialogue.HasTakenPlace(now) =>
            new(NextStepKind.NominateDelegation, Party.Organization, new DateTimeOffset(dialogue.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
        // Draft exists only inside Submit; Lapsed, Ineligible, NotAdmitted, Withdrawn are final.
        _ => null,
    };
}
