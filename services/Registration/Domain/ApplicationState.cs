namespace Accreditation.Registration.Domain;

public enum ApplicationState
{
    Draft = 1,
    Submitted,
    InformationRequested,
    Lapsed,
    Ineligible,
    Eligible,
    Circulated,
    Referred,
    Admitted,
    NotAdmitted,
    Withdrawn,
}

/// <summary>The life of an application (DESIGN.md section 2): these transitions and no others.</summary>
public static class ApplicationLifecycle
{
    static readonly ApplicationState[] Undecided =
    [
        ApplicationState.Draft, ApplicationState.Submitted, ApplicationState.InformationRequested,
        ApplicationState.Eligible, ApplicationState.Circulated, ApplicationState.Referred,
    ];

    /// <summary>Still waiting for an outcome (no decision, withdrawal, lapse or ineligibility yet).</summary>
    public static bool IsUndecided(ApplicationState state) => Undecided.Contains(state);

    public static readonly IReadOnlySet<(ApplicationState From, ApplicationState To)> Transitions =
        new HashSet<(ApplicationState, ApplicationState)>
        {
            (ApplicationState.Draft, ApplicationState.Submitted),
            (ApplicationState.Submitted, ApplicationState.InformationRequested),
            (ApplicationState.InformationRequested, ApplicationState.Submitted),
            (ApplicationState.InformationRequested, ApplicationState.Lapsed),
            (ApplicationState.Submitted, ApplicationState.Ineligible),
            (ApplicationState.Submitted, ApplicationState.Eligible),
            (ApplicationState.Eligible, ApplicationState.Admitted),
            (ApplicationState.Eligible, ApplicationState.Circulated),
            (ApplicationState.Circulated, ApplicationState.Admitted),
            (ApplicationState.Circulated, ApplicationState.NotAdmitted),
            (ApplicationState.Circulated, ApplicationState.Referred),
            (ApplicationState.Referred, ApplicationState.Admitted),
            (ApplicationState.Referred, ApplicationState.NotAdmitted),
        }
        .Concat(Undecided.Select(state => (state, ApplicationState.Withdrawn)))
        .ToHashSet();

    public static bool Allows(ApplicationState from, ApplicationState to) => Transitions.Contains((from, to));

    public static bool IsDecided(ApplicationState state) =>
        state is ApplicationState.Admitted or ApplicationState.NotAdmitted;
}
