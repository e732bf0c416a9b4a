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
    public async Task HandleAsync(ApplicationsCirculated message, EventContext context, CancellationToken ct)
    {
        var circulation = new Circulation(message.CirculationId, message.DialogueId, message.DialogueTitle, message.OpensAt, message.Deadline);
        circulation.Applicants.AddRange(message.Applicants.Select(a => new CirculatedApplicant(
            a.ApplicationId, circulation.Id, a.OrganizationId, a.Name, a.Acronym, a.Category, a.Country, a.EcosocStatus, a.Website)));
        var ids = circulation.Applicants.Select(a => a.ApplicationId).ToList();
        var withdrawn = await db.WithdrawnApplications.AsNoTracking().Where(w => ids.Contains(w.ApplicationId))
            .ToDictionaryAsync(w => w.ApplicationId, w => w.At, ct);
        foreach (var applicant in circulation.Applicants)
            if (withdrawn.TryGetValue(applicant.ApplicationId, out var at))
                applicant.Withdraw(at);
        db.Circulations.Add(circulation);
    }
}
