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
        var application = await db.TrackedApplicationAsync(applicationId, ct)
            ?? throw new NotFoundException("Application", applicationId, RegistrationReasons.ApplicationNotFound);
        // An application's organization and dialogue exist (foreign keys).
        var organization = await db.TrackedOrganizationAsync(application.OrganizationId, ct)
            ?? throw new InvalidOperationException($"Application {applicationId} has no organization.");
        var dialogue = await db.TrackedDialogueAsync(application.DialogueId, ct)
            ?? throw new InvalidOperationException($"Application {applicationId} has no dialogue.");
        return new ApplicationCase(application, organization, dialogue);
    }

    /// <summary>
    /// What a call that changes nothing (GetApplication, its history) needs of a case: the
    /// application, its dialogue and whether the caller is a member of the applying organization,
    /// untracked, in one statement compiled once for the process and kept prepared on SQLite
    /// (<see cref="PreparedReads"/>; no member list read): the authorization check itself stays the domain's
    /// (<see cref="Access.EnsureCanRead(ServiceDefaults.Auth.Caller, Guid, bool)"/>).
    /// </summary>
    public static async Task<ApplicationRead> ReadCaseAsync(this RegistrationDb db, Guid applicationId, string callerSubject, CancellationToken ct) =>
        // A compiled query serves one model: one per context type (SQLite's, PostgreSQL's), which
        // the standalone host may run side by side.
        await Reads.GetOrAdd(db.GetType(), _ => EF.CompileAsyncQuery((RegistrationDb db, Guid id, string subject, CancellationToken ct) =>
                (from a in db.Applications.AsNoTracking()
                 join d in db.Dialogues.AsNoTracking() on a.DialogueId equals d.Id
                 where a.Id == id
                 select new ApplicationRead(a, d, db.OrganizationMembers.Any(m => m.OrganizationId == a.OrganizationId && m.Subject == subject)))
                .TagWith(PreparedReads.Tag)
                .SingleOrDefault()))(db, applicationId, callerSubject, ct)
        ?? throw new NotFoundException("Application", applicationId, RegistrationReasons.ApplicationNotFound);

    static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<RegistrationDb, Guid, string, CancellationToken, Task<ApplicationRead?>>> Reads = new();
}

/// <summary>An application read for a caller: its dialogue, and whether the caller belongs to the organization that applied.</summary>
public sealed record ApplicationRead(Application Application, Dialogue Dialogue, bool CallerIsMember);

public static class ApplicationChanges
{
    /// <summary>
    /// The same, committed together with the other changes that arrive meanwhile (<see cref="GroupCommit{TDb}"/>):
    /// the change enqueues its events on the batch's context it is given.
    /// </summary>
    public static Task<ApplicationCase> ChangeCaseAsync(this GroupCommit<RegistrationDb> group, Guid applicationId, TimeProvider clock,
        Action<RegistrationDb, ApplicationCase, DateTimeOffset> change, CancellationToken ct) =>
        group.RunAsync(async (db, ct) =>
        {
            var c = await db.LoadCaseAsync(applicationId, ct);
            change(db, c, clock.GetUtcNow());
            await db.SaveWithLedgerAsync(ct);
            return c;
        }, ct);

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
            await db.SaveWithLedgerAsync(ct);
            return c;
        }, ct);
}
