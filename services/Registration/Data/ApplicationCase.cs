using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Registration.Data;

/// <summary>An application with the organization and dialogue its rules and events need.</summary>
public sealed record ApplicationCase(Application Application, Organization Organization, Dialogue Dialogue);

public static class ApplicationCases
{
    public static async Task<ApplicationCase> LoadCaseAsync(this RegistrationDb db, Guid applicationId, CancellationToken ct)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == applicationId, ct)
            ?? throw new NotFoundException("Application", applicationId);
        var organization = await db.Organizations.Include(o => o.Members).SingleAsync(o => o.Id == application.OrganizationId, ct);
        var dialogue = await db.Dialogues.SingleAsync(d => d.Id == application.DialogueId, ct);
        return new ApplicationCase(application, organization, dialogue);
    }
}

public static class ApplicationChanges
{
    /// <summary>
    /// Loads an application, applies one change and commits it with its events and ledger entries,
    /// in one explicit transaction (retried whole on contention).
    /// </summary>
    public static Task<ApplicationCase> ChangeCaseAsync(this RegistrationDb db, Guid applicationId, TimeProvider clock,
        Action<ApplicationCase, DateTimeOffset> change, CancellationToken ct) =>
        db.RetryInTransactionAsync(async ct =>
        {
            var c = await db.LoadCaseAsync(applicationId, ct);
            change(c, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return c;
        }, ct);
}
