using Accreditation.Contracts;
using Accreditation.Objections.Data;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Objections.Messaging;

/// <summary>
/// An organization changed what the States parties see of it: its circulated applications show the
/// new data. An application whose circulation has not arrived yet keeps the data the circulation
/// brings (taken after the change in Registration's outbox order).
/// </summary>
public sealed class OrganizationProfileChangedHandler(ObjectionsDb db) : IEventHandler<OrganizationProfileChanged>
{
    public async Task HandleAsync(OrganizationProfileChanged message, EventContext context, CancellationToken ct)
    {
        var changed = message.CirculatedApplicants.ToDictionary(a => a.ApplicationId);
        var ids = changed.Keys.ToList();
        var applicants = await db.ApplicantsIncludingWithdrawn.Where(a => ids.Contains(a.ApplicationId)).ToListAsync(ct);
        foreach (var applicant in applicants)
        {
            var now = changed[applicant.ApplicationId];
            applicant.ChangeProfile(now.Name, now.Acronym, now.Category, now.Country, now.EcosocStatus, now.Website, message.At);
        }
    }
}
