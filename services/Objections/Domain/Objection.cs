using System.Linq.Expressions;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Objections.Domain;

/// <summary>A State party's objection to one applicant; at most one per State and application.</summary>
public sealed class Objection
{
    Objection() { }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid CirculationId { get; private set; }
    public string StateCode { get; private set; } = "";
    public string? Grounds { get; private set; }
    public DateTimeOffset FiledAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public bool IsStanding => WithdrawnAt is null;

    /// <summary>
    /// The objections a caller lists, as a filter the database runs: the secretariat every one, a
    /// State party its own only (never another State's).
    /// </summary>
    public static Expression<Func<Objection, bool>> VisibleTo(Caller caller)
    {
        if (caller.IsSecretariat)
            return o => true;
        var state = caller.RequireStateCode();
        return o => o.StateCode == state;
    }

    public static Objection File(Circulation circulation, CirculatedApplicant applicant, string stateCode, string? grounds, DateTimeOffset now)
    {
        circulation.EnsureOpen(now);
        applicant.EnsureNotWithdrawn();
        return new Objection
        {
            Id = Guid.NewGuid(),
            ApplicationId = applicant.ApplicationId,
            CirculationId = circulation.Id,
            StateCode = stateCode,
            Grounds = grounds,
            FiledAt = now,
        };
    }

    public void Withdraw(Circulation circulation, DateTimeOffset now)
    {
        circulation.EnsureOpen(now);
        if (!IsStanding)
            throw new RuleViolationException($"The objection was already withdrawn at {WithdrawnAt:u}.",
                ObjectionReasons.ObjectionAlreadyWithdrawn, ("withdrawn_at", WithdrawnAt)) { Subject = $"objections/{Id}" };
        WithdrawnAt = now;
    }

    /// <summary>Standing objections per applicant when the window closes; applicants without any count zero.</summary>
    public static IReadOnlyList<(Guid ApplicationId, int Standing)> Tally(IEnumerable<Guid> applicants, IEnumerable<Objection> objections)
    {
        var standing = objections.Where(o => o.IsStanding).GroupBy(o => o.ApplicationId).ToDictionary(g => g.Key, g => g.Count());
        return applicants.Select(a => (a, standing.GetValueOrDefault(a))).ToList();
    }
}
