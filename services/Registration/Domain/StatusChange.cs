namespace Accreditation.Registration.Domain;

/// <summary>One recorded transition: who, when, why, the state before and after.</summary>
public sealed class StatusChange
{
    StatusChange() { }

    public StatusChange(Guid applicationId, ApplicationState from, ApplicationState to, Actor actor, DateTimeOffset at, string reason,
        string ledgerKind = Ledger.LedgerKinds.Transition, IReadOnlyDictionary<string, string>? ledgerDetails = null)
    {
        LedgerKind = ledgerKind;
        LedgerDetails = ledgerDetails;
        ApplicationId = applicationId;
        From = from;
        To = to;
        ActorSubject = actor.Subject;
        ActorRole = actor.Role;
        At = at;
        Reason = reason;
    }

    /// <summary>Not a change of state: the organization changed what the States parties see of it.</summary>
    public bool IsProfileChange => From == To;

    /// <summary>Insertion order: the order in which the changes happened.</summary>
    public long Sequence { get; private set; }
    public Guid ApplicationId { get; private set; }
    public ApplicationState From { get; private set; }
    public ApplicationState To { get; private set; }
    public string ActorSubject { get; private set; } = "";
    public string ActorRole { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string Reason { get; private set; } = "";

    // Not stored here: carried to the ledger entry this change produces when it is saved.
    public string LedgerKind { get; private set; } = Ledger.LedgerKinds.Transition;
    public IReadOnlyDictionary<string, string>? LedgerDetails { get; private set; }
}
