using System.Linq.Expressions;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain.Programme;

public enum FloorRequestStatus { Requested = 1, Spoke, Withdrawn }

public enum OnBehalfStatus { Pending = 1, Confirmed, Refused }

/// <summary>An organization the speaker speaks for; named publicly only once it confirmed.</summary>
public sealed class OnBehalfOf
{
    OnBehalfOf() { }

    internal OnBehalfOf(Guid organizationId) => (OrganizationId, Status) = (organizationId, OnBehalfStatus.Pending);

    public Guid OrganizationId { get; private set; }
    public OnBehalfStatus Status { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? AnsweredBy { get; private set; }

    internal void Answer(bool confirm, Actor actor, DateTimeOffset now)
    {
        Status = confirm ? OnBehalfStatus.Confirmed : OnBehalfStatus.Refused;
        AnsweredAt = now;
        AnsweredBy = actor.Subject;
    }
}

/// <summary>
/// An admitted organization's request for the floor under an agenda item: one entry of the list of
/// speakers, with the statement the organization uploads and the secretariat publishes.
/// </summary>
public sealed class FloorRequest
{
    public const int MaxOnBehalf = 50;
    public const int MaxStatementLength = 20_000;

    FloorRequest() { }

    public Guid Id { get; private set; }

    /// <summary>The request as its refusals name it.</summary>
    string Resource => $"floor-requests/{Id}";
    public Guid DialogueId { get; private set; }
    public Guid AgendaItemId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid? RepresentativeId { get; private set; }
    public List<OnBehalfOf> OnBehalf { get; private set; } = [];
    /// <summary>Place in the item's list (1 speaks first).</summary>
    public int Position { get; private set; }
    public FloorRequestStatus Status { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset? SpokeAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string StatementText { get; private set; } = "";
    public string StatementDocumentName { get; private set; } = "";
    public int StatementDocumentSize { get; private set; }
    public DateTimeOffset? StatementSubmittedAt { get; private set; }
    public DateTimeOffset? StatementPublishedAt { get; private set; }
    public string? StatementPublishedBy { get; private set; }

    public bool HasStatement => StatementSubmittedAt is not null;
    public bool StatementPublished => StatementPublishedAt is not null;

    /// <summary>Whether the organization made the request or is named in it.</summary>
    public bool Concerns(Guid organizationId) => OrganizationId == organizationId || OnBehalf.Any(o => o.OrganizationId == organizationId);

    /// <summary>An organization user sees the floor requests its organizations made or are named in.</summary>
    public bool IsSeenBy(IReadOnlySet<Guid> ownOrganizations) => ownOrganizations.Any(Concerns);

    /// <summary>
    /// Whom a single floor request is shown to (read or changed): the secretariat, anyone once its
    /// statement is published, otherwise the organizations it concerns (<see cref="IsSeenBy"/>).
    /// Anyone else finds nothing. <paramref name="ownOrganizations"/> is asked only when needed.
    /// </summary>
    public async Task<bool> IsVisibleToAsync(bool secretariat, Func<Task<HashSet<Guid>>> ownOrganizations) =>
        secretariat || StatementPublished || IsSeenBy(await ownOrganizations());

    /// <summary>The same rule as a filter the database runs (listing a dialogue's floor requests).</summary>
    public static Expression<Func<FloorRequest, bool>> SeenByMembersOf(IReadOnlyCollection<Guid> ownOrganizations) =>
        f => ownOrganizations.Contains(f.OrganizationId) || f.OnBehalf.Any(o => ownOrganizations.Contains(o.OrganizationId));

    /// <param name="representative">The representative who speaks, of <paramref name="application"/>, if named.</param>
    /// <param name="admittedOrganizations">Organizations admitted to the dialogue (the ones a speaker may speak for).</param>
    /// <param name="position">The next place in the item's list.</param>
    public static FloorRequest Request(Dialogue dialogue, AgendaItem item, Application application, Representative? representative,
        IReadOnlyList<Guid> onBehalfOf, IReadOnlySet<Guid> admittedOrganizations, int position, Actor actor, DateTimeOffset now)
    {
        if (item.DialogueId != dialogue.Id)
            throw new InvalidOperationException("The item belongs to another dialogue.");
        if (application.DialogueId != dialogue.Id)
            throw new InvalidFieldException("application_id", "must be an application to the agenda item's dialogue", RegistrationReasons.ApplicationOfAnotherDialogue);
        if (application.State != ApplicationState.Admitted)
            throw new RuleViolationException($"The application is {application.State}; the floor is for organizations admitted to the dialogue.",
                RegistrationReasons.FloorNeedsAdmission, ("state", application.State)) { Subject = application.ResourceName() };
        if (representative is not null && representative.ApplicationId != application.Id)
            throw new InvalidFieldException("representative_id", "must be a representative of the same application", RegistrationReasons.RepresentativeOfAnotherApplication);
        if (representative is { IsActive: false })
            throw new RuleViolationException($"The representative is {representative.Status}.",
                RegistrationReasons.RepresentativeNotActive, ("representative_status", representative.Status)) { Subject = $"representatives/{representative.Id}" };
        if (onBehalfOf.Count > MaxOnBehalf)
            throw new InvalidFieldException("on_behalf_of_organization_ids", $"must name at most {MaxOnBehalf} organizations",
                RegistrationReasons.TooManyOnBehalf, ("max", MaxOnBehalf));
        if (onBehalfOf.Distinct().Count() != onBehalfOf.Count)
            throw new InvalidFieldException("on_behalf_of_organization_ids", "must not name an organization twice", RegistrationReasons.OnBehalfTwice);
        if (onBehalfOf.Contains(application.OrganizationId))
            throw new InvalidFieldException("on_behalf_of_organization_ids", "must not name the speaking organization itself", RegistrationReasons.OnBehalfOfItself);
        if (onBehalfOf.FirstOrDefault(o => !admittedOrganizations.Contains(o)) is var stranger && stranger != Guid.Empty)
            throw new RuleViolationException($"Organization {stranger} is not admitted to the dialogue; a speaker speaks only for admitted organizations.",
                RegistrationReasons.OnBehalfNotAdmitted, ("organization_id", stranger)) { Subject = $"dialogues/{dialogue.Id}" };
        if (dialogue.HasTakenPlace(now))
            throw new RuleViolationException($"The dialogue took place on {dialogue.Date:yyyy-MM-dd}; the list of speakers is closed.",
                RegistrationReasons.SpeakersListClosed, ("date_on", dialogue.Date)) { Subject = $"dialogues/{dialogue.Id}" };
        return new FloorRequest
        {
            Id = Guid.NewGuid(),
            DialogueId = dialogue.Id,
            AgendaItemId = item.Id,
            OrganizationId = application.OrganizationId,
            ApplicationId = application.Id,
            RepresentativeId = representative?.Id,
            OnBehalf = onBehalfOf.Select(o => new OnBehalfOf(o)).ToList(),
            Position = position,
            Status = FloorRequestStatus.Requested,
            RequestedAt = now,
            RequestedBy = actor.Subject,
        };
    }

    /// <summary>The organization named confirms or refuses, until the speaker spoke.</summary>
    public void AnswerOnBehalf(Guid organizationId, bool confirm, Actor actor, DateTimeOffset now)
    {
        var entry = OnBehalf.SingleOrDefault(o => o.OrganizationId == organizationId)
            ?? throw new NotFoundException("Floor request", Id, RegistrationReasons.FloorRequestNotFound);
        EnsureStatus(FloorRequestStatus.Requested, "answered for");
        entry.Answer(confirm, actor, now);
    }

    public void Withdraw(DateTimeOffset now)
    {
        EnsureStatus(FloorRequestStatus.Requested, "withdrawn");
        Status = FloorRequestStatus.Withdrawn;
        WithdrawnAt = now;
    }

    /// <summary>The secretariat marks the speaker as having spoken, on the dialogue's day or later.</summary>
    public void MarkSpoke(Dialogue dialogue, DateTimeOffset now)
    {
        EnsureStatus(FloorRequestStatus.Requested, "marked as spoken");
        if (DateOnly.FromDateTime(now.UtcDateTime) < dialogue.Date)
            throw new RuleViolationException($"The dialogue takes place on {dialogue.Date:yyyy-MM-dd}; nobody has spoken yet.",
                RegistrationReasons.NobodySpokeYet, ("date_on", dialogue.Date)) { Subject = $"dialogues/{dialogue.Id}" };
        Status = FloorRequestStatus.Spoke;
        SpokeAt = now;
    }

    /// <summary>Text, a PDF or both; replaceable until published.</summary>
    public void SubmitStatement(string? text, PdfDocument? document, DateTimeOffset now)
    {
        if (Status == FloorRequestStatus.Withdrawn)
            throw new RuleViolationException("The floor request is Withdrawn; it has no statement.", RegistrationReasons.FloorRequestWithdrawn) { Subject = Resource };
        if (StatementPublished)
            throw new RuleViolationException($"The statement was published on {StatementPublishedAt:u}; it can no longer change.",
                RegistrationReasons.StatementPublished, ("published_at", StatementPublishedAt)) { Subject = Resource };
        var body = text?.Trim() ?? "";
        if (body.Length > MaxStatementLength)
            throw new InvalidFieldException("text", $"must be at most {MaxStatementLength} characters", CommonReasons.FieldTooLong, ("max_length", MaxStatementLength));
        if (body.Length == 0 && document is null)
            throw new InvalidFieldException("text", "is required when no document is attached", RegistrationReasons.StatementRequired);
        StatementText = body;
        StatementDocumentName = document?.FileName ?? "";
        StatementDocumentSize = document?.Content.Length ?? 0;
        StatementSubmittedAt = now;
    }

    /// <summary>A statement is published after the dialogue, for a speaker who spoke.</summary>
    public void PublishStatement(Dialogue dialogue, Actor actor, DateTimeOffset now)
    {
        EnsureStatus(FloorRequestStatus.Spoke, "have its statement published");
        if (!HasStatement)
            throw new RuleViolationException("The organization has not uploaded a statement yet.", RegistrationReasons.NoStatementYet) { Subject = Resource };
        if (StatementPublished)
            throw new RuleViolationException($"The statement is already published (since {StatementPublishedAt:u}).",
                RegistrationReasons.StatementAlreadyPublished, ("published_at", StatementPublishedAt)) { Subject = Resource };
        if (!dialogue.HasTakenPlace(now))
            throw new RuleViolationException($"The dialogue takes place on {dialogue.Date:yyyy-MM-dd}; statements are published once it is over.",
                RegistrationReasons.StatementsAfterDialogue, ("date_on", dialogue.Date)) { Subject = $"dialogues/{dialogue.Id}" };
        StatementPublishedAt = now;
        StatementPublishedBy = actor.Subject;
    }

    internal void MoveTo(int position) => Position = position;

    void EnsureStatus(FloorRequestStatus expected, string what)
    {
        if (Status != expected)
            throw new RuleViolationException($"The floor request is {Status}; only a {expected} one can be {what}.",
                RegistrationReasons.FloorRequestStatusRefuses, ("floor_request_status", Status), ("expected_status", expected)) { Subject = Resource };
    }
}

/// <summary>The secretariat's order of an item's list of speakers.</summary>
public static class SpeakersList
{
    /// <summary>
    /// Puts the item's floor requests in the order given, which must list every one not withdrawn,
    /// each once; withdrawn ones follow, in their old order.
    /// </summary>
    public static void Order(IReadOnlyList<FloorRequest> ofItem, IReadOnlyList<Guid> order)
    {
        var open = ofItem.Where(f => f.Status != FloorRequestStatus.Withdrawn).ToDictionary(f => f.Id);
        if (order.Distinct().Count() != order.Count || order.Count != open.Count || !order.All(open.ContainsKey))
            throw new InvalidFieldException("floor_request_ids",
                $"must list each of the item's {open.Count} floor request(s) that are not withdrawn exactly once",
                RegistrationReasons.SpeakingOrderIncomplete, ("open_count", open.Count));
        var position = 1;
        foreach (var id in order)
            open[id].MoveTo(position++);
        foreach (var withdrawn in ofItem.Where(f => f.Status == FloorRequestStatus.Withdrawn).OrderBy(f => f.Position))
            withdrawn.MoveTo(position++);
    }
}
