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
    /// The same case for a call that changes nothing (GetApplication, its history): untracked, its
    /// three queries compiled once for the process, on one connection opened once (so the
    /// per-connection pragmas run once, not three times). The context returns it to the pool.
    /// </summary>
    public static async Task<ApplicationCase> ReadCaseAsync(this RegistrationDb db, Guid applicationId, CancellationToken ct)
    {
        // A compiled query serves one model: one set per context type (SQLite's, PostgreSQL's), which
        // the standalone host may run side by side.
        var queries = Queries.GetOrAdd(db.GetType(), _ => new CaseQueries());
        await db.Database.OpenConnectionAsync(ct);
        var application = await queries.Application(db, applicationId, ct)
            ?? throw new NotFoundException("Application", applicationId, RegistrationReasons.ApplicationNotFound);
        var organization = await queries.Organization(db, application.OrganizationId, ct);
        var dialogue = await queries.Dialogue(db, application.DialogueId, ct);
        return new ApplicationCase(application, organization, dialogue);
    }

    static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, CaseQueries> Queries = new();

    sealed class CaseQueries
    {
        public readonly Func<RegistrationDb, Guid, CancellationToken, Task<Application?>> Application =
            EF.CompileAsyncQuery((RegistrationDb db, Guid id, CancellationToken ct) => db.Applications.AsNoTracking().SingleOrDefault(a => a.Id == id));

        public readonly Func<RegistrationDb, Guid, CancellationToken, Task<Organization>> Organization =
            EF.CompileAsyncQuery((RegistrationDb db, Guid id, CancellationToken ct) => db.Organizations.AsNoTracking().Include(o => o.Members).Single(o => o.Id == id));

        public readonly Func<RegistrationDb, Guid, CancellationToken, Task<Dialogue>> Dialogue =
            EF.CompileAsyncQuery((RegistrationDb db, Guid id, CancellationToken ct) => db.Dialogues.AsNoTracking().Single(d => d.Id == id));
    }
}

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
