using System.Linq.Expressions;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Objections.Domain;

/// <summary>A batch of applicants sent to the States parties, open for objections until its deadline.</summary>
public sealed class Circulation
{
    Circulation() { }

    public Circulation(Guid id, Guid dialogueId, string dialogueTitle, DateTimeOffset opensAt, DateTimeOffset deadline)
    {
        Id = id;
        DialogueId = dialogueId;
        DialogueTitle = dialogueTitle;
        OpensAt = opensAt;
        Deadline = deadline;
    }

    public Guid Id { get; private set; }
    public Guid DialogueId { get; private set; }
    public string DialogueTitle { get; private set; } = "";
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset Deadline { get; private set; }
    /// <summary>Set exactly once, by whoever closes the window first.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>Set exactly once, when the States parties were reminded of the deadline.</summary>
    public DateTimeOffset? ReminderSentAt { get; private set; }
    public List<CirculatedApplicant> Applicants { get; private set; } = [];

    /// <summary>
    /// Whether the States are to be reminded now: once, within the lead time before the deadline,
    /// while the window is open. A window opened inside the lead time gets none: its circulation
    /// note, days earlier at most, already gave the deadline.
    /// </summary>
    public bool IsDueForReminder(DateTimeOffset now, TimeSpan leadTime)
    {
        var remindFrom = Deadline - leadTime;
        return ReminderSentAt is null && IsOpenAt(now) && now >= remindFrom && OpensAt < remindFrom;
    }

    /// <summary>The deadline is judged by the server's clock, never the caller's.</summary>
    public bool IsOpenAt(DateTimeOffset now) => ClosedAt is null && now < Deadline;

    /// <summary>
    /// <see cref="IsOpenAt"/> as a filter the database runs: the circulations still open for
    /// objections (what a State lists with open_only).
    /// </summary>
    public static Expression<Func<Circulation, bool>> OpenAt(DateTimeOffset now) => c => c.ClosedAt == null && c.Deadline > now;

    /// <summary>
    /// Past its deadline and not yet closed: the window is due to close (the other side of
    /// <see cref="IsOpenAt"/> for a window nobody closed).
    /// </summary>
    public bool IsDueToCloseAt(DateTimeOffset now) => ClosedAt is null && !IsOpenAt(now);

    /// <summary><see cref="IsDueToCloseAt"/> as a filter the database runs: what the closer closes.</summary>
    public static Expression<Func<Circulation, bool>> DueToCloseAt(DateTimeOffset now) => c => c.ClosedAt == null && c.Deadline <= now;

    /// <summary>
    /// The open, not yet reminded windows whose deadline falls within the lead time, as a filter
    /// the database runs: <see cref="IsDueForReminder"/> then decides among them (its
    /// "opened inside the lead time" part needs arithmetic on stored times, which SQLite lacks).
    /// </summary>
    public static Expression<Func<Circulation, bool>> ToRemindAt(DateTimeOffset now, TimeSpan leadTime)
    {
        // Deadline - lead <= now, written as deadline <= now + lead so the database compares stored values.
        var remindUntil = now + leadTime;
        return c => c.ClosedAt == null && c.Deadline > now && c.ReminderSentAt == null && c.Deadline <= remindUntil;
    }

    public void EnsureOpen(DateTimeOffset now)
    {
        if (!IsOpenAt(now))
            throw new RuleViolationException($"The objection period closed at {Deadline:u}; it is now {now:u}.",
                ObjectionReasons.ObjectionPeriodClosed, ("deadline_at", Deadline), ("now_at", now)) { Subject = $"circulations/{Id}" };
    }
}

/// <summary>What the States parties see of an applicant: organization-level data only.</summary>
public sealed class CirculatedApplicant
{
    CirculatedApplicant() { }

    public CirculatedApplicant(Guid applicationId, Guid circulationId, Guid organizationId, string name, string acronym,
        string category, string country, string ecosocStatus, string website)
    {
        ApplicationId = applicationId;
        CirculationId = circulationId;
        OrganizationId = organizationId;
        Name = name;
        Acronym = acronym;
        Category = category;
        Country = country;
        EcosocStatus = ecosocStatus;
        Website = website;
    }

    public Guid ApplicationId { get; private set; }
    public Guid CirculationId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Name { get; private set; } = "";
    public string Acronym { get; private set; } = "";
    public string Category { get; private set; } = "";
    public string Country { get; private set; } = "";
    public string EcosocStatus { get; private set; } = "";
    public string Website { get; private set; } = "";
    /// <summary>When the organization withdrew the application: from then on the States no longer see it or object to it.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>When the organization last changed what the States see (unset: as circulated).</summary>
    public DateTimeOffset? ProfileChangedAt { get; private set; }

    /// <summary>
    /// The organization changed its profile after circulation: the States see the new data. An
    /// older change arriving after a newer one (a redelivery, a retry) changes nothing.
    /// </summary>
    public void ChangeProfile(string name, string acronym, string category, string country, string ecosocStatus, string website, DateTimeOffset at)
    {
        if (ProfileChangedAt is { } last && last >= at)
            return;
        (Name, Acronym, Category, Country, EcosocStatus, Website) = (name, acronym, category, country, ecosocStatus, website);
        ProfileChangedAt = at;
    }

    public void Withdraw(DateTimeOffset at) => WithdrawnAt ??= at;

    public void EnsureNotWithdrawn()
    {
        if (WithdrawnAt is { } withdrawn)
            throw new RuleViolationException($"The application was withdrawn by the organization at {withdrawn:u}; it is no longer circulated.",
                ObjectionReasons.ApplicationWithdrawn, ("withdrawn_at", withdrawn)) { Subject = $"applications/{ApplicationId}" };
    }
}
