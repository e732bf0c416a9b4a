using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.Registration.Domain.Statistics;
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

    /// <summary>The figures of a dialogue: its applications, and the objection facts the ledger holds for it.</summary>
    public static async Task<DialogueFigures> FiguresAsync(this RegistrationDb db, Guid dialogueId, CancellationToken ct)
    {
        var applications = await db.Applications.AsNoTracking().Where(a => a.DialogueId == dialogueId)
            .Join(db.Organizations.AsNoTracking(), a => a.OrganizationId, o => o.Id,
                (a, o) => new ApplicationFact(a.Id, o.Id, a.State, o.Category, o.Country, a.SubmittedAt, a.DecidedAt))
            .ToListAsync(ct);
        var objections = await db.LedgerEntries.AsNoTracking()
            .Where(l => l.DialogueId == dialogueId && l.ApplicationId != null
                && (l.Kind == LedgerKinds.ObjectionFiled || l.Kind == LedgerKinds.ObjectionWithdrawn))
            .OrderBy(l => l.Sequence)
            .Select(l => new ObjectionFact(l.ApplicationId!.Value, l.ActorSubject, l.Kind == LedgerKinds.ObjectionFiled))
            .ToListAsync(ct);
        return DialogueFigures.Compute(applications, objections);
    }
}
