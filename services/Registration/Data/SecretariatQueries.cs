using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.Registration.Domain.Statistics;
using Accreditation.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Registration.Data;

/// <summary>Filters of the screening queue; null means any.</summary>
public sealed record ScreeningQueueFilter(Guid? DialogueId, ApplicationState State, StakeholderCategory? Category, string? Country);

/// <summary>The secretariat's read-only views over applications and the ledger.</summary>
public static class SecretariatQueries
{
    /// <summary>One page of the queue, oldest submission first.</summary>
    public static Task<List<(Application Application, Organization Organization)>> ScreeningQueueAsync(this RegistrationDb db,
        ScreeningQueueFilter filter, int skip, int take, CancellationToken ct)
    {
        var query = db.Applications.AsNoTracking().Where(a => a.State == filter.State)
            .Join(db.Organizations.AsNoTracking(), a => a.OrganizationId, o => o.Id, (a, o) => new { Application = a, Organization = o });
        if (filter.DialogueId is { } dialogue)
            query = query.Where(x => x.Application.DialogueId == dialogue);
        if (filter.Category is { } category)
            query = query.Where(x => x.Organization.Category == category);
        if (filter.Country is { } country)
            query = query.Where(x => x.Organization.Country == country);
        return query
            .OrderBy(x => x.Application.SubmittedAt).ThenBy(x => x.Application.Id)
            .Skip(skip).Take(take)
            .Select(x => ValueTuple.Create(x.Application, x.Organization))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The figures of a dialogue: its applications counted by the database (by state, category
    /// and country), the submission and decision times of the decided ones, and the objection facts
    /// the ledger holds for it (found by dialogue and kind in one index). The public dialogue page
    /// and every poll of the statistics ask for them: no application is materialized whole. The three
    /// queries read one snapshot, so the counts agree even while a window's decisions commit.
    /// </summary>
    public static Task<DialogueFigures> FiguresAsync(this RegistrationDb db, Guid dialogueId, CancellationToken ct) =>
        db.Database.InReadSnapshotAsync(ct => db.CountFiguresAsync(dialogueId, ct), ct);

    static async Task<DialogueFigures> CountFiguresAsync(this RegistrationDb db, Guid dialogueId, CancellationToken ct)
    {
        var applications = db.Applications.AsNoTracking().Where(a => a.DialogueId == dialogueId);
        var tallies = await applications
            .Join(db.Organizations.AsNoTracking(), a => a.OrganizationId, o => o.Id, (a, o) => new { a.State, o.Category, o.Country })
            .GroupBy(x => new { x.State, x.Category, x.Country })
            .Select(g => new ApplicationTally(g.Key.State, g.Key.Category, g.Key.Country, g.Count()))
            .ToListAsync(ct);
        // The decided states (ApplicationLifecycle.IsDecided), written out so that the SQL names them.
        var decided = await applications
            .Where(a => (a.State == ApplicationState.Admitted || a.State == ApplicationState.NotAdmitted) && a.SubmittedAt != null && a.DecidedAt != null)
            .Select(a => new { SubmittedAt = a.SubmittedAt!.Value, DecidedAt = a.DecidedAt!.Value })
            .ToListAsync(ct);
        var objections = await db.LedgerEntries.AsNoTracking()
            .Where(l => l.DialogueId == dialogueId && (l.Kind == LedgerKinds.ObjectionFiled || l.Kind == LedgerKinds.ObjectionWithdrawn)
                && l.ApplicationId != null)
            .OrderBy(l => l.Sequence)
            .Select(l => new ObjectionFact(l.ApplicationId!.Value, l.ActorSubject, l.Kind == LedgerKinds.ObjectionFiled, l.OrganizationId))
            .ToListAsync(ct);
        return DialogueFigures.Compute(tallies, decided.Select(d => DialogueFigures.DaysToDecision(d.SubmittedAt, d.DecidedAt)), objections);
    }
}
