using Accreditation.ServiceDefaults.Domain;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain;

/// <summary>
/// An organization's application to one dialogue. Every change goes through <see cref="MoveTo"/>,
/// which refuses transitions the rules do not have and records the change.
/// </summary>
public sealed class Application
{
    Application() { }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid DialogueId { get; private set; }
    public ApplicationState State { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? CirculationId { get; private set; }
    public DateTimeOffset? ObjectionDeadline { get; private set; }
    public bool ObjectionRaised { get; private set; }
    public string? PendingQuestion { get; private set; }
    public DateTimeOffset? AnswerBy { get; private set; }
    /// <summary>Optimistic concurrency: two writers of one application cannot both win.</summary>
    public int Version { get; private set; }
    public List<StatusChange> Changes { get; private set; } = [];

    public static Application Submit(Organization organization, Dialogue dialogue, Actor actor, DateTimeOffset now)
    {
        dialogue.EnsureRegistrationOpen(now);
        var application = new Application
        {
            Id = RowId.At(now),
            OrganizationId = organization.Id,
            DialogueId = dialogue.Id,
            State = ApplicationState.Draft,
            CreatedAt = now,
        };
        application.MoveTo(ApplicationState.Submitted, actor, now, "Application submitted", reason: new(HistoryReasons.ApplicationSubmitted));
        application.SubmittedAt = now;
        return application;
    }

    /// <summary>The application as a refusal's PreconditionFailure names it.</summary>
    public string ResourceName() => $"applications/{Id}";

    public void Screen(bool eligible, string? reason, Actor actor, DateTimeOffset now)
    {
        if (!eligible && string.IsNullOrWhiteSpace(reason))
            throw new InvalidFieldException("reason", "is required when the application is found ineligible", RegistrationReasons.IneligibleReasonRequired);
        MoveTo(eligible ? ApplicationState.Eligible : ApplicationState.Ineligible, actor, now,
            reason ?? "Found eligible", reason: reason is null ? new(HistoryReasons.FoundEligible) : null);
    }

    public void RequestInformation(string question, DateTimeOffset answerBy, Actor actor, DateTimeOffset now)
    {
        if (answerBy <= now)
            throw new InvalidFieldException("answer_by", "must be in the future", CommonReasons.DateNotInFuture);
        MoveTo(ApplicationState.InformationRequested, actor, now, question);
        PendingQuestion = question;
        AnswerBy = answerBy;
    }

    public void AnswerInformationRequest(string answer, Actor actor, DateTimeOffset now)
    {
        if (State == ApplicationState.InformationRequested && AnswerBy <= now)
            throw new RuleViolationException($"The information was due by {AnswerBy:u}; the request has lapsed.",
                RegistrationReasons.InformationRequestLapsed, ("answer_by_at", AnswerBy)) { Subject = ResourceName() };
        MoveTo(ApplicationState.Submitted, actor, now, answer);
        PendingQuestion = null;
        AnswerBy = null;
    }

    /// <summary>The requested information did not arrive by the stated date.</summary>
    public void Lapse(DateTimeOffset now)
    {
        if (State != ApplicationState.InformationRequested || AnswerBy > now)
            throw new RuleViolationException($"The application is {State}, with information due by {AnswerBy:u}; it cannot lapse at {now:u}.",
                RegistrationReasons.CannotLapse, ("state", State), ("answer_by_at", AnswerBy), ("now_at", now)) { Subject = ResourceName() };
        MoveTo(ApplicationState.Lapsed, Actor.InformationDeadline, now, $"The information requested was not provided by {AnswerBy:u}",
            reason: new(HistoryReasons.InformationNotProvided, ("answer_by_at", AnswerBy)));
        PendingQuestion = null;
    }

    public void Circulate(Guid circulationId, DateTimeOffset deadline, Actor actor, DateTimeOffset now)
    {
        MoveTo(ApplicationState.Circulated, actor, now, $"Circulated to the States parties; objections until {deadline:u}",
            reason: new(HistoryReasons.Circulated, ("deadline_at", deadline)));
        CirculationId = circulationId;
        ObjectionDeadline = deadline;
    }

    public void AdmitWithoutCirculation(Actor actor, DateTimeOffset now) =>
        Decide(ApplicationState.Admitted, actor, now, "Admitted without circulation: ECOSOC consultative status (rule 17)",
            reason: new(HistoryReasons.AdmittedWithoutCirculation));

    /// <summary>The objection window closed: the dialogue's objection effect decides.</summary>
    public void CloseObjectionWindow(int standingObjections, ObjectionEffect effect, DateTimeOffset now)
    {
        ObjectionRaised = standingObjections > 0;
        if (standingObjections == 0)
            Decide(ApplicationState.Admitted, Actor.ObjectionWindow, now, "No objection stood at the deadline", reason: new(HistoryReasons.NoObjectionStood));
        else if (effect == ObjectionEffect.Exclude)
            Decide(ApplicationState.NotAdmitted, Actor.ObjectionWindow, now, "An objection by a State party stood at the deadline",
                reason: new(HistoryReasons.ObjectionStoodExcluded));
        else
            MoveTo(ApplicationState.Referred, Actor.ObjectionWindow, now, "An objection stood at the deadline; referred for decision",
                reason: new(HistoryReasons.ObjectionStoodReferred));
    }

    /// <summary>The Bureau's or Conference's recorded decision settles a Referred application.</summary>
    public void RecordReferralDecision(ReferralDecision decision, Actor actor, DateTimeOffset now) =>
        RecordReferralDecision(decision.Admitted, decision.Record, actor, now, decision.LedgerDetails, decision.Reason);

    /// <param name="details">What the ledger keeps of the decision (body, date, votes, document symbol).</param>
    public void RecordReferralDecision(bool admitted, string record, Actor actor, DateTimeOffset now,
        IReadOnlyDictionary<string, string>? details = null, ServiceReason? reason = null)
    {
        if (State != ApplicationState.Referred)
            throw new RuleViolationException($"Only a Referred application takes a referral decision; this one is {State}.",
                RegistrationReasons.NotReferred, ("state", State)) { Subject = ResourceName() };
        Decide(admitted ? ApplicationState.Admitted : ApplicationState.NotAdmitted, actor, now, record,
            Ledger.LedgerKinds.ReferralDecision, details, reason);
    }

    /// <summary>
    /// The organization changed what the States parties see of it while this application is open:
    /// a history entry (and its ledger entry) in the current state, naming the fields.
    /// </summary>
    public void RecordProfileChange(IReadOnlyCollection<string> fields, Actor actor, DateTimeOffset now)
    {
        if (fields.Count == 0)
            throw new ArgumentException("A profile change names at least one field.", nameof(fields));
        if (!ApplicationLifecycle.IsUndecided(State))
            throw new RuleViolationException($"The application is {State}; its history takes no more profile changes.",
                RegistrationReasons.HistoryClosed, ("state", State)) { Subject = ResourceName() };
        Changes.Add(new StatusChange(Id, State, State, actor, now, ProfileChangeReason(fields), Ledger.LedgerKinds.ProfileChanged,
            new Dictionary<string, string> { ["fields"] = string.Join(",", fields) }, new ServiceReason(HistoryReasons.ProfileChanged, ("fields", fields))));
        Version++;
    }

    /// <summary>The history's wording of a profile change, e.g. "Profile changed: name, country".</summary>
    public static string ProfileChangeReason(IEnumerable<string> fields) => $"Profile changed: {string.Join(", ", fields)}";

    /// <summary>The organization withdraws; without a reason of its own the history says so in the service's words.</summary>
    public void Withdraw(string? reason, Actor actor, DateTimeOffset now) =>
        MoveTo(ApplicationState.Withdrawn, actor, now, reason ?? "Withdrawn by the organization",
            reason: reason is null ? new(HistoryReasons.WithdrawnByOrganization) : null);

    void Decide(ApplicationState outcome, Actor actor, DateTimeOffset now, string text,
        string ledgerKind = Ledger.LedgerKinds.Transition, IReadOnlyDictionary<string, string>? details = null, ServiceReason? reason = null)
    {
        MoveTo(outcome, actor, now, text, ledgerKind, details, reason);
        DecidedAt = now;
    }

    /// <param name="text">The history's English reason: a person's words, or the service's with <paramref name="reason"/> its code.</param>
    void MoveTo(ApplicationState to, Actor actor, DateTimeOffset now, string text,
        string ledgerKind = Ledger.LedgerKinds.Transition, IReadOnlyDictionary<string, string>? details = null, ServiceReason? reason = null)
    {
        if (!ApplicationLifecycle.Allows(State, to))
            throw new RuleViolationException($"The application is {State}; it cannot become {to}.",
                RegistrationReasons.TransitionNotAllowed, ("state", State), ("to_state", to)) { Subject = ResourceName() };
        Changes.Add(new StatusChange(Id, State, to, actor, now, text, ledgerKind, details, reason));
        State = to;
        Version++;
    }
}
