using System.Linq.Expressions;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain;

public enum CirculationPolicy { All = 1, WithoutEcosocStatus = 2 }

public enum ObjectionEffect { Exclude = 1, Refer = 2 }

/// <summary>How a dialogue treats its applicants; set by the secretariat per dialogue.</summary>
public sealed record DialoguePolicy(
    CirculationPolicy Circulation, ObjectionEffect ObjectionEffect,
    bool DiscloseObjectionToOrganization, int RepresentativesPerOrganization);

/// <summary>A constructive dialogue following a working group session.</summary>
public sealed class Dialogue
{
    Dialogue() { }

    public Guid Id { get; private set; }
    public string WorkingGroup { get; private set; } = "";
    public string Session { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public string Venue { get; private set; } = "";
    public DateTimeOffset RegistrationOpensAt { get; private set; }
    public DateTimeOffset RegistrationClosesAt { get; private set; }
    public int ObjectionPeriodDays { get; private set; }
    public int InPersonCapacity { get; private set; }
    public DialoguePolicy Policy { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }

    public string Title => $"{WorkingGroup}, {Session}, dialogue on {Date:d MMMM yyyy}";

    public static Dialogue Create(string workingGroup, string session, DateOnly date, string venue,
        DateTimeOffset? registrationOpensAt, DateTimeOffset registrationClosesAt, int objectionPeriodDays,
        int inPersonCapacity, DialoguePolicy policy, DateTimeOffset now)
    {
        var opens = registrationOpensAt ?? now;
        Validate(date, opens, registrationClosesAt, objectionPeriodDays, inPersonCapacity, policy);
        return new Dialogue
        {
            Id = Guid.NewGuid(),
            WorkingGroup = workingGroup,
            Session = session,
            Date = date,
            Venue = venue,
            RegistrationOpensAt = opens,
            RegistrationClosesAt = registrationClosesAt,
            ObjectionPeriodDays = objectionPeriodDays,
            InPersonCapacity = inPersonCapacity,
            Policy = policy,
            CreatedAt = now,
        };
    }

    static void Validate(DateOnly date, DateTimeOffset opens, DateTimeOffset closes, int objectionPeriodDays, int inPersonCapacity, DialoguePolicy policy)
    {
        if (closes <= opens)
            throw new InvalidFieldException("registration_closes_at", "must be after the registration opens");
        if (objectionPeriodDays is < 1 or > 180)
            throw new InvalidFieldException("objection_period_days", "must be between 1 and 180");
        if (inPersonCapacity < 0)
            throw new InvalidFieldException("in_person_capacity", "must not be negative");
        if (policy.RepresentativesPerOrganization is < 1 or > 50)
            throw new InvalidFieldException("policy.representatives_per_organization", "must be between 1 and 50");
        if (DateOnly.FromDateTime(closes.UtcDateTime) > date)
            throw new InvalidFieldException("registration_closes_at", "must not be after the dialogue's date");
    }

    /// <summary>
    /// Fields that decide applications' and representatives' outcomes (proto names): once
    /// registration has closed, applicants were screened, circulated and seated under them.
    /// </summary>
    public static IReadOnlyList<string> OutcomeFields { get; } =
    [
        "registration_opens_at", "registration_closes_at", "objection_period_days", "in_person_capacity",
        "policy.circulation", "policy.objection_effect", "policy.disclose_objection_to_organization", "policy.representatives_per_organization",
    ];

    /// <summary>
    /// Replaces the dialogue's fields, validated as on creation (an unset opening keeps the current
    /// one). Once registration has closed (by the server's clock) a change to an <see cref="OutcomeFields"/>
    /// field is refused; the title's parts, the date and the venue stay editable. Returns the fields changed.
    /// </summary>
    public IReadOnlyList<string> Update(string workingGroup, string session, DateOnly date, string venue,
        DateTimeOffset? registrationOpensAt, DateTimeOffset registrationClosesAt, int objectionPeriodDays,
        int inPersonCapacity, DialoguePolicy policy, DateTimeOffset now)
    {
        var opens = registrationOpensAt ?? RegistrationOpensAt;
        Validate(date, opens, registrationClosesAt, objectionPeriodDays, inPersonCapacity, policy);
        var changed = new List<string>();
        void Compare<T>(string field, T current, T next)
        {
            if (!EqualityComparer<T>.Default.Equals(current, next))
                changed.Add(field);
        }
        Compare("working_group", WorkingGroup, workingGroup);
        Compare("session", Session, session);
        Compare("date", Date, date);
        Compare("venue", Venue, venue);
        Compare("registration_opens_at", RegistrationOpensAt, opens);
        Compare("registration_closes_at", RegistrationClosesAt, registrationClosesAt);
        Compare("objection_period_days", ObjectionPeriodDays, objectionPeriodDays);
        Compare("in_person_capacity", InPersonCapacity, inPersonCapacity);
        Compare("policy.circulation", Policy.Circulation, policy.Circulation);
        Compare("policy.objection_effect", Policy.ObjectionEffect, policy.ObjectionEffect);
        Compare("policy.disclose_objection_to_organization", Policy.DiscloseObjectionToOrganization, policy.DiscloseObjectionToOrganization);
        Compare("policy.representatives_per_organization", Policy.RepresentativesPerOrganization, policy.RepresentativesPerOrganization);
        if (now >= RegistrationClosesAt && changed.FirstOrDefault(OutcomeFields.Contains) is { } locked)
            throw new RuleViolationException(
                $"Registration closed at {RegistrationClosesAt:u}: {locked} can no longer change, since applications were registered, screened and decided under it.");
        WorkingGroup = workingGroup;
        Session = session;
        Date = date;
        Venue = venue;
        RegistrationOpensAt = opens;
        RegistrationClosesAt = registrationClosesAt;
        ObjectionPeriodDays = objectionPeriodDays;
        InPersonCapacity = inPersonCapacity;
        Policy = policy;
        return changed;
    }

    /// <summary>
    /// The programme names the working groups the dialogue follows; its first is the dialogue's own
    /// (the title's parts, editable at any time as in <see cref="Update"/>).
    /// </summary>
    public void FollowWorkingGroup(string workingGroup, string session)
    {
        WorkingGroup = workingGroup;
        Session = session;
    }

    /// <summary>Registration is open from its opening (included) to its closing (excluded): the query form of the rule below.</summary>
    public static Expression<Func<Dialogue, bool>> RegistrationOpenAt(DateTimeOffset now) =>
        d => d.RegistrationOpensAt <= now && now < d.RegistrationClosesAt;

    public void EnsureRegistrationOpen(DateTimeOffset now)
    {
        if (now < RegistrationOpensAt || now >= RegistrationClosesAt)
            throw new RuleViolationException(
                $"Registration for this dialogue is open from {RegistrationOpensAt:u} until {RegistrationClosesAt:u}; it is now {now:u}.");
    }

    /// <summary>Whether the dialogue's day is over (UTC).</summary>
    public bool HasTakenPlace(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime) > Date;

    /// <summary>Delegations are made up for a dialogue still to come; once its day is over they are history.</summary>
    public void EnsureNotYetHeld(DateTimeOffset now)
    {
        if (HasTakenPlace(now))
            throw new RuleViolationException(
                $"The dialogue took place on {Date:yyyy-MM-dd}; its representatives can no longer be nominated or changed.");
    }

    /// <summary>
    /// Representatives' personal data is purged once the dialogue is over; before, a purge would leave
    /// nameless people holding seats (one representative leaves by being withdrawn).
    /// </summary>
    public void EnsureTakenPlace(DateTimeOffset now)
    {
        if (!HasTakenPlace(now))
            throw new RuleViolationException(
                $"The dialogue takes place on {Date:yyyy-MM-dd}; its representatives' personal data can be purged once it is over.");
    }

    /// <summary>Which eligible applicants go to the States parties; the others are admitted (rule 17).</summary>
    public bool Circulates(Organization organization) =>
        Policy.Circulation == CirculationPolicy.All || organization.EcosocStatus == EcosocStatus.None;
}
