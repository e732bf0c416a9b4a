using Accreditation.Contracts;
using Accreditation.Registration.Data.Ledger;
using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Registration.Data;

/// <summary>
/// In-person seats of a dialogue. Callers run these inside one transaction (RetryInTransactionAsync):
/// SQLite's single writer then serializes counting seats and taking one, so two nominations can
/// never both take the last seat, and a freed seat goes to the waiting list in the same commit.
/// </summary>
public static class RepresentativeSeats
{
    public static DbSet<Representative> Representatives(this RegistrationDb db) => db.Set<Representative>();

    public static async Task<Representative> LoadRepresentativeAsync(this RegistrationDb db, Guid id, CancellationToken ct) =>
        await db.Representatives().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Representative", id, RegistrationReasons.RepresentativeNotFound);

    public static Task<int> SeatsTakenAsync(this RegistrationDb db, Guid dialogueId, CancellationToken ct) =>
        db.Representatives().CountAsync(r => r.DialogueId == dialogueId && r.Status == RepresentativeStatus.InPerson, ct);

    public static async Task<long> NextPositionAsync(this RegistrationDb db, Guid dialogueId, CancellationToken ct) =>
        (await db.Representatives().Where(r => r.DialogueId == dialogueId).MaxAsync(r => (long?)r.Position, ct) ?? 0) + 1;

    /// <summary>
    /// Gives free seats to the first on the waiting list (<see cref="InPersonSeats"/>), publishing
    /// RepresentativeMovedUp for each through the outbox. Call after saving the change that freed
    /// the seat, in its transaction.
    /// </summary>
    public static async Task<IReadOnlyList<Representative>> FillFreeSeatsAsync(this RegistrationDb db, Dialogue dialogue, DateTimeOffset now, CancellationToken ct)
    {
        var free = InPersonSeats.FreeForWaitingList(dialogue, await db.SeatsTakenAsync(dialogue.Id, ct), now);
        if (free == 0)
            return [];
        var waiting = await db.Representatives()
            .Where(r => r.DialogueId == dialogue.Id && r.Status == RepresentativeStatus.WaitingList)
            .OrderBy(r => r.Position).Take(free)
            .ToListAsync(ct);
        var movedUp = InPersonSeats.GiveFreedSeats(waiting, free, now);
        foreach (var representative in movedUp)
        {
            var organization = await db.Organizations.AsNoTracking()
                .Where(o => o.Id == representative.OrganizationId).Select(o => o.Name).SingleAsync(ct);
            db.Enqueue(new RepresentativeMovedUp(representative.ApplicationId, representative.OrganizationId, organization,
                dialogue.Id, dialogue.Title, representative.Id, now), now);
        }
        await db.SaveChangesAsync(ct);
        return movedUp;
    }

    /// <summary>Place on the dialogue's waiting list (1 is next) of everyone waiting.</summary>
    public static async Task<IReadOnlyDictionary<Guid, int>> WaitingPositionsAsync(this RegistrationDb db, Guid dialogueId, CancellationToken ct)
    {
        var waiting = await db.Representatives().AsNoTracking()
            .Where(r => r.DialogueId == dialogueId && r.Status == RepresentativeStatus.WaitingList)
            .OrderBy(r => r.Position).Select(r => r.Id)
            .ToListAsync(ct);
        return waiting.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index + 1);
    }

    /// <summary>
    /// Blanks the personal data of every representative of the dialogue not purged yet and records
    /// the purge in the ledger (<see cref="InPersonSeats.Purge"/>). Returns how many were purged.
    /// </summary>
    public static async Task<int> PurgeRepresentativesAsync(this RegistrationDb db, Dialogue dialogue, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var representatives = await db.Representatives()
            .Where(r => r.DialogueId == dialogue.Id && r.PurgedAt == null)
            .ToListAsync(ct);
        if (InPersonSeats.Purge(dialogue, representatives, actor, now) is not { } purge)
            return 0;
        await db.AppendAsync(purge.LedgerRecord, ct);
        await db.SaveWithLedgerAsync(ct);
        return purge.Count;
    }
}
