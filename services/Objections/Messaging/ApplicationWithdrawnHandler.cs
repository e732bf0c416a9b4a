using Accreditation.Contracts;
using Accreditation.Objections.Data;
using Accreditation.Objections.Domain;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Objections.Messaging;

/// <summary>
/// The organization withdrew its application: if it was circulated, the States parties stop seeing
/// it and can no longer object to it. Objections already filed stay on record. The withdrawal is
/// kept too, for a circulation that arrives after it.
/// </summary>
public sealed class ApplicationWithdrawnHandler(ObjectionsDb db) : IEventHandler<ApplicationWithdrawn>
{
    public async Task HandleAsync(ApplicationWithdrawn message, EventContext context, CancellationToken ct)
    {
        if (await db.WithdrawnApplications.FindAsync([message.ApplicationId], ct) is null)
            db.WithdrawnApplications.Add(new WithdrawnApplication(message.ApplicationId, message.At));
        var applicant = await db.ApplicantsIncludingWithdrawn.SingleOrDefaultAsync(a => a.ApplicationId == message.ApplicationId, ct);
        applicant?.Withdraw(message.At);
    }
}
