using System.Collections.Concurrent;
using Accreditation.Registration.Domain;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Registration.Data;

/// <summary>
/// What the write path loads to change (a submission, a case's transition), tracked, as queries
/// compiled once per context type (SQLite's, PostgreSQL's): each call otherwise turned the same
/// LINQ into the same cached SQL again (parameter extraction, the cache key's walk of the
/// expression), a sixth of a submission handler's CPU.
/// </summary>
public static class TrackedQueries
{
    static readonly ConcurrentDictionary<Type, Compiled> ByContext = new();

    public static Task<Application?> TrackedApplicationAsync(this RegistrationDb db, Guid id, CancellationToken ct) =>
        For(db).Application(db, id, ct);

    public static Task<Organization?> TrackedOrganizationAsync(this RegistrationDb db, Guid id, CancellationToken ct) =>
        For(db).Organization(db, id, ct);

    public static Task<Dialogue?> TrackedDialogueAsync(this RegistrationDb db, Guid id, CancellationToken ct) =>
        For(db).Dialogue(db, id, ct);

    static Compiled For(RegistrationDb db) => ByContext.GetOrAdd(db.GetType(), _ => new Compiled());

    sealed class Compiled
    {
        public readonly Func<RegistrationDb, Guid, CancellationToken, Task<Application?>> Application =
            EF.CompileAsyncQuery((RegistrationDb db, Guid id, CancellationToken ct) => db.Applications.SingleOrDefault(a => a.Id == id));

        public readonly Func<RegistrationDb, Guid, CancellationToken, Task<Organization?>> Organization =
            EF.CompileAsyncQuery((RegistrationDb db, Guid id, CancellationToken ct) => db.Organizations.Include(o => o.Members).SingleOrDefault(o => o.Id == id));

        public readonly Func<RegistrationDb, Guid, CancellationToken, Task<Dialogue?>> Dialogue =
            EF.CompileAsyncQuery((RegistrationDb db, Guid id, CancellationToken ct) => db.Dialogues.SingleOrDefault(d => d.Id == id));
    }
}
