using Accreditation.ServiceDefaults.Domain;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain;

public enum AttendanceMode { InPerson = 1, Online = 2 }

public enum RepresentativeStatus { InPerson = 1, Online, WaitingList, Withdrawn }

/// <summary>What a representative's details are, checked before anything is stored.</summary>
public sealed record RepresentativeDetails(string FullName, string Title, string Email)
{
    public static RepresentativeDetails Parse(string? fullName, string? title, string? email)
    {
        var name = fullName?.Trim() ?? "";
        if (name.Length == 0)
            throw new InvalidFieldException("full_name", "is required (the name as in the passport)", RegistrationReasons.FullNameRequired);
        if (name.Length > 200)
            throw new InvalidFieldException("full_name", "must be at most 200 characters", CommonReasons.FieldTooLong, ("max_length", 200));
        var t = title?.Trim() ?? "";
        if (t.Length > 200)
            throw new InvalidFieldException("title", "must be at most 200 characters", CommonReasons.FieldTooLong, ("max_length", 200));
        return new RepresentativeDetails(name, t, EmailAddress.Parse(email).Value);
    }
}

/// <summary>
/// A person an admitted organization sends to a dialogue. In-person seats are counted over the
/// whole dialogue; beyond its capacity a representative waits, in order of <see cref="Position"/>.
/// Personal data (name, title, e-mail) can be purged; the row and its mode stay for the counts.
/// </summary>
public sealed class Representative
{
    Representative() { }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid DialogueId { get; private set; }
    /// <summary>Order of nomination within the dialogue (unique): the waiting list's order.</summary>
    public long Position { get; private set; }
    public string FullName { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Email { get; private set; } = "";
    public AttendanceMode Mode { get; private set; }
    public RepresentativeStatus Status { get; private set; }
    public DateTimeOffset NominatedAt { get; private set; }
    public string NominatedBy { get; private set; } = "";
    public DateTimeOffset? SeatedAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public DateTimeOffset? PurgedAt { get; private set; }

    public bool IsActive => Status != RepresentativeStatus.Withdrawn;
    public bool HoldsSeat => Status == RepresentativeStatus.InPerson;

    /// <param name="activeOfApplication">Representatives of this application not withdrawn.</param>
    /// <param name="seatsTaken">In-person seats taken in the whole dialogue.</param>
    /// <param name="position">The next position in the dialogue's nomination order.</param>
    public static Representative Nominate(Application application, Dialogue dialogue, int activeOfApplication, int seatsTaken,
        long position, RepresentativeDetails details, AttendanceMode mode, Actor actor, DateTimeOffset now)
    {
        if (application.State != ApplicationState.Admitted)
            throw new RuleViolationException(
                $"The application is {application.State}; representatives are nominated once it is Admitted.",
                RegistrationReasons.NominationNeedsAdmission, ("state", application.State)) { Subject = application.ResourceName() };
        dialogue.EnsureNotYetHeld(now);
        var quota = dialogue.Policy.RepresentativesPerOrganization;
        if (activeOfApplication >= quota)
            throw new RuleViolationException(
                $"The dialogue allows {quota} representative(s) per organization; this organization has {activeOfApplication} already.",
                RegistrationReasons.RepresentativesQuotaReached, ("limit", quota), ("active", activeOfApplication)) { Subject = application.ResourceName() };
        var representative = new Representative
        {
            Id = Guid.NewGuid(),
            ApplicationId = application.Id,
            OrganizationId = application.OrganizationId,
            DialogueId = dialogue.Id,
            Position = position,
            FullName = details.FullName,
            Title = details.Title,
            Email = details.Email,
            NominatedAt = now,
            NominatedBy = actor.Subject,
        };
        representative.Seat(mode, seatsTaken, dialogue.InPersonCapacity, now);
        return representative;
    }

    /// <summary>
    /// Its place on the dialogue's waiting list (1 is next) when just nominated: the newest
    /// nomination is last in the dialogue's order, behind the <paramref name="alreadyWaiting"/>;
    /// 0 when it took a seat or attends online.
    /// </summary>
    public int WaitingPositionAtNomination(int alreadyWaiting) =>
        Status == RepresentativeStatus.WaitingList ? alreadyWaiting + 1 : 0;

    /// <summary>Withdrawn by the organization or removed by an officer. Returns whether a seat was freed.</summary>
    public bool Withdraw(Actor actor, DateTimeOffset now)
    {
        EnsureActive();
        var freed = HoldsSeat;
        Status = RepresentativeStatus.Withdrawn;
        WithdrawnAt = now;
        WithdrawnBy = actor.Role;
        return freed;
    }

    /// <summary>
    /// Switches mode. Online gives up a seat (or a place on the waiting list); in person takes a
    /// free seat or joins the end of the waiting list at <paramref name="nextPosition"/>.
    /// Returns whether a seat was freed.
    /// </summary>
    public bool ChangeMode(AttendanceMode mode, Dialogue dialogue, int seatsTaken, long nextPosition, DateTimeOffset now)
    {
        EnsureActive();
        dialogue.EnsureNotYetHeld(now);
        if (mode == Mode)
            return false;
        var freed = HoldsSeat;
        if (mode == AttendanceMode.InPerson)
            Position = nextPosition;
        Seat(mode, seatsTaken, dialogue.InPersonCapacity, now);
        return freed;
    }

    /// <summary>A seat freed up: the first on the waiting list takes it.</summary>
    public void MoveUp(DateTimeOffset now)
    {
        if (Status != RepresentativeStatus.WaitingList)
            throw new RuleViolationException($"Representative {Id} is {Status}, not on the waiting list.",
                RegistrationReasons.NotOnWaitingList, ("representative_status", Status)) { Subject = $"representatives/{Id}" };
        Status = RepresentativeStatus.InPerson;
        SeatedAt = now;
    }

    /// <summary>Blanks the personal data; mode and status stay for the figures. Returns false if already purged.</summary>
    public bool Purge(DateTimeOffset now)
    {
        if (PurgedAt is not null)
            return false;
        FullName = "";
        Title = "";
        Email = "";
        PurgedAt = now;
        return true;
    }

    void Seat(AttendanceMode mode, int seatsTaken, int capacity, DateTimeOffset now)
    {
        Mode = mode;
        SeatedAt = null;
        if (mode == AttendanceMode.Online)
            Status = RepresentativeStatus.Online;
        else if (seatsTaken < capacity)
            (Status, SeatedAt) = (RepresentativeStatus.InPerson, now);
        else
            Status = RepresentativeStatus.WaitingList;
    }

    void EnsureActive()
    {
        if (!IsActive)
            throw new RuleViolationException($"The representative is {Status}.",
                RegistrationReasons.RepresentativeNotActive, ("representative_status", Status)) { Subject = $"representatives/{Id}" };
        if (PurgedAt is not null)
            throw new RuleViolationException($"The representative's data was purged on {PurgedAt:u}.",
                RegistrationReasons.RepresentativePurged, ("purged_at", PurgedAt)) { Subject = $"representatives/{Id}" };
    }
}
