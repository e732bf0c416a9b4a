using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain.Programme;

/// <summary>
/// A representative attended the dialogue, in person (checked in at the door) or online (joined by
/// the link). No personal data: the organization and the mode are what the figures count, and the
/// retention purge leaves the row alone.
/// </summary>
public sealed class Attendance
{
    /// <summary>Who recorded an online attendance: the join link itself.</summary>
    public const string JoinLink = "join-link";

    Attendance() { }

    public Guid Id { get; private set; }
    public Guid DialogueId { get; private set; }
    /// <summary>One attendance per representative (unique).</summary>
    public Guid RepresentativeId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public AttendanceMode Mode { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";

    /// <summary>An officer checks a representative in at the door, on the dialogue's day.</summary>
    public static Attendance CheckIn(Dialogue dialogue, Representative representative, Actor actor, DateTimeOffset now) =>
        Record(dialogue, representative, AttendanceMode.InPerson, actor.Subject, now);

    /// <summary>The representative's join link was used on the dialogue's day.</summary>
    public static Attendance JoinOnline(Dialogue dialogue, Representative representative, DateTimeOffset now) =>
        Record(dialogue, representative, AttendanceMode.Online, JoinLink, now);

    /// <summary>
    /// An officer checks a representative in; the rules are checked every time. Checked in (or
    /// joined) already: the first record stands and is returned, so a second click is harmless.
    /// </summary>
    /// <param name="recorded">The representative's attendance already recorded, if any.</param>
    public static Attendance CheckIn(Dialogue dialogue, Representative representative, Attendance? recorded, Actor actor, DateTimeOffset now)
    {
        var attendance = CheckIn(dialogue, representative, actor, now);
        return recorded ?? attendance;
    }

    /// <summary>
    /// The join link was used: on the dialogue's day its first use records attendance; before or
    /// after that day, or once recorded, the link only leads to the meeting (nothing to record).
    /// </summary>
    public static Attendance? OnJoin(Dialogue dialogue, Representative representative, bool recorded, DateTimeOffset now) =>
        !recorded && IsDialogueDay(dialogue, now) ? JoinOnline(dialogue, representative, now) : null;

    /// <summary>Whether it is the dialogue's day (UTC date): when attendance is recorded.</summary>
    public static bool IsDialogueDay(Dialogue dialogue, DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime) == dialogue.Date;

    static Attendance Record(Dialogue dialogue, Representative representative, AttendanceMode mode, string by, DateTimeOffset now)
    {
        if (representative.DialogueId != dialogue.Id)
            throw new InvalidOperationException("The representative belongs to another dialogue.");
        if (!representative.IsActive)
            throw new RuleViolationException($"The representative is {representative.Status}.",
                RegistrationReasons.RepresentativeNotActive, ("representative_status", representative.Status)) { Subject = $"representatives/{representative.Id}" };
        if (!IsDialogueDay(dialogue, now))
            throw new RuleViolationException(
                $"The dialogue takes place on {dialogue.Date:yyyy-MM-dd}; attendance is recorded on that day (it is now {now:u}).",
                RegistrationReasons.NotTheDialogueDay, ("date_on", dialogue.Date), ("now_at", now)) { Subject = $"dialogues/{dialogue.Id}" };
        return new Attendance
        {
            Id = Guid.NewGuid(),
            DialogueId = dialogue.Id,
            RepresentativeId = representative.Id,
            OrganizationId = representative.OrganizationId,
            Mode = mode,
            RecordedAt = now,
            RecordedBy = by,
        };
    }
}
