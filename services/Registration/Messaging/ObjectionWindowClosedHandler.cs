using Accreditation.Contracts;
using Accreditation.Registration.Data;
using Accreditation.Registration.Data.Ledger;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Registration.Messaging;

/// <summary>
/// The deadline passed: the ledger records the closure for each application, then each one still
/// circulated is decided by its dialogue's objection effect. The window's applications are read in
/// a few statements (not three per application), all in the inbox consumer's one transaction.
/// </summary>
public sealed class ObjectionWindowClosedHandler(RegistrationDb db, TimeProvider clock) : IEventHandler<ObjectionWindowClosed>
{
    /// <summary>Ids per statement: well inside every provider's parameter and statement limits.</summary>
    const int ChunkSize = 1000;

    public async Task HandleAsync(ObjectionWindowClosed message, EventContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        db.LedgerCorrelation = ObjectionFacts.MessageCorrelation(context);
        var cases = await LoadCasesAsync(message.Results.Select(t => t.ApplicationId).ToList(), ct);
        foreach (var tally in message.Results)
        {
            var c = cases[tally.ApplicationId];
            await db.AppendAsync(new LedgerFact(LedgerKinds.WindowClosed, c.Application.Id, c.Organization.Id, c.Dialogue.Id,
                Actor.ObjectionWindow, message.ClosedAt, $"Objection period closed with {tally.StandingObjections} standing objection(s)",
                Details: new Dictionary<string, string>
                {
                    ["circulationId"] = message.CirculationId.ToString("D"),
                    ["deadline"] = LedgerHash.Time(message.Deadline),
                    ["standingObjections"] = tally.StandingObjections.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }), ct);
            // Withdrawn during the window, or already settled: nothing left to decide.
            if (c.Application.State != ApplicationState.Circulated || c.Application.CirculationId != message.CirculationId)
                continue;
            c.Application.CloseObjectionWindow(tally.StandingObjections, c.Dialogue.Policy.ObjectionEffect, now);
            // Referred is announced too: the organization may reply before the decision is recorded.
            db.Enqueue(RegistrationEvents.Decided(c, now), now);
        }
        // The inbox consumer saves and commits: the decisions' ledger entries go with them.
        await db.RecordInLedgerAsync(ct);
    }

    /// <summary>
    /// Each application (tracked: it changes) with its organization and dialogue (untracked: only
    /// read), by chunks of ids. An application the window names and Registration lacks is NOT_FOUND,
    /// as loading it alone was.
    /// </summary>
    async Task<Dictionary<Guid, ApplicationCase>> LoadCasesAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var applications = new Dictionary<Guid, Application>(ids.Count);
        foreach (var chunk in ids.Distinct().Chunk(ChunkSize))
            foreach (var application in await db.Applications.Where(a => chunk.Contains(a.Id)).ToListAsync(ct))
                applications[application.Id] = application;
        var organizations = new Dictionary<Guid, Organization>();
        foreach (var chunk in applications.Values.Select(a => a.OrganizationId).Distinct().Chunk(ChunkSize))
            foreach (var organization in await db.Organizations.AsNoTracking().Where(o => chunk.Contains(o.Id)).ToListAsync(ct))
                organizations[organization.Id] = organization;
        var dialogueIds = applications.Values.Select(a => a.DialogueId).Distinct().ToList();
        var dialogues = await db.Dialogues.AsNoTracking().Where(d => dialogueIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);

        var cases = new Dictionary<Guid, ApplicationCase>(applications.Count);
        foreach (var id in ids)
            cases[id] = applications.TryGetValue(id, out var application)
                ? new ApplicationCase(application, organizations[application.OrganizationId], dialogues[application.DialogueId])
                : throw new NotFoundException("Application", id, RegistrationReasons.ApplicationNotFound);
        return cases;
    }
}
