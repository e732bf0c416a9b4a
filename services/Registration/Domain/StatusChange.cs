namespace Accreditation.Registration.Domain;

/// <summary>One recorded transition: who, when, why, the state before and after.</summary>
public sealed class StatusChange
{
    StatusChange() { }

    public StatusChange(Guid applicationId, ApplicationState from, ApplicationState to, Actor actor, DateTimeOffset at, string reason,
        string ledgerKind = Ledger.LedgerKinds.Transition, IReadOnlyDictionary<string, string>? ledgerDetails = null, ServiceReason? serviceReason = null)
    {
        ReasonCode = serviceReason?.Code ?? "";
        ReasonValues = serviceReason is { Values.Count: > 0 } ? System.Text.Json.JsonSerializer.Serialize(serviceReason.Values) : "";
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

    /// <summary>The <see cref="HistoryReasons"/> code of a reason the service wrote; empty for a person's reason.</summary>
    public string ReasonCode { get; private set; } = "";

    /// <summary>The code's varying values, as a JSON object (empty when none).</summary>
    public string ReasonValues { get; private set; } = "";

    public IReadOnlyDictionary<string, string> ReasonMetadata() =>
        ReasonValues.Length == 0 ? new Dictionary<string, string>()
            : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(ReasonValues) ?? [];

    /// <summary>
    /// The reason as a reader sees it. One not told of objections (the organization, where the
    /// dialogue does not disclose them) reads the objection window's decisions in neutral words,
    /// with no values: only that the circulation period closed.
    /// </summary>
    public DisclosedReason ReasonAsSeen(bool toldOfObjections) =>
        toldOfObjections || ActorRole != Actor.ObjectionWindow.Role ? new(Reason, ReasonCode, ReasonMetadata())
        : To == ApplicationState.Referred ? new("Referred for a decision when the circulation period closed", HistoryReasons.ReferredAtClose, new Dictionary<string, string>())
        : new("Decided when the circulation period closed", HistoryReasons.DecidedAtClose, new Dictionary<string, string>());

    // Not stored here: carried to the ledger entry this change produces when it is saved.
    public string LedgerKind { get; private set; } = Ledger.LedgerKinds.Transition;
    public IReadOnlyDictionary<string, string>? LedgerDetails { get; private set; }
}

/// <summary>A history reason as one reader may see it: the English text, its code (empty for a person's words) and values.</summary>
public sealed record DisclosedReason(string Text, string Code, IReadOnlyDictionary<string, string> Metadata);

/// <summary>A reason the service writes: its code and varying values (instants as ISO 8601 UTC), beside the English text.</summary>
public sealed record ServiceReason(string Code, IReadOnlyDictionary<string, string> Values)
{
    public ServiceReason(string code, params (string Key, object? Value)[] values)
        : this(code, values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => Accreditation.ServiceDefaults.Errors.ServiceException.Text(v.Value!))) { }
}
