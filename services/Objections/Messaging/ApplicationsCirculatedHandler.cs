using Accreditation.Contracts;
using Accreditation.Objections.Data;
using Accreditation.Objections.Domain;
using CirculatedApplicant = Accreditation.Objections.Domain.CirculatedApplicant;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Objections.Messaging;

/// <summary>Opens the objection window for the circulated applicants, leaving out any withdrawn before it arrived.</summary>
public sealed class ApplicationsCirculatedHandler(ObjectionsDb db) : IEventHandler<ApplicationsCirculated>
{
    const int ChunkSize = 1_000;

    public async Task HandleAsync(ApplicationsCirculated message, EventContext context, CancellationToken ct)
    {
        var circulation = new Circulation(message.CirculationId, message.DialogueId, message.DialogueTitle, message.OpensAt, message.Deadline);
        circulation.Applicants.AddRange(message.Applicants.Select(a => new CirculatedApplicant(
            a.ApplicationId, circulation.Id, a.OrganizationId, a.Name, a.Acronym, a.Category, a.Country, a.EcosocStatus, a.Website)));
        // By chunks: one statement binds each id as a variable, and SQLite takes at most 32,766 (a
        // circulation of 100,000 applicants failed whole, and its window never opened).
        var withdrawn = new Dictionary<Guid, DateTimeOffset>();
        foreach (var chunk in circulation.Applicants.Select(a => a.ApplicationId).Chunk(ChunkSize))
            foreach (var w in await db.WithdrawnApplications.AsNoTracking().Where(w => chunk.Contains(w.ApplicationId)).ToListAsync(ct))
                withdrawn[w.ApplicationId] = w.At;
        foreach (var applicant in circulation.Applicants)
            if (withdrawn.TryGetValue(applicant.ApplicationId, out var at))
                applicant.Withdraw(at);
        db.Circulations.Add(circulation);
    }
}
