using Accreditation.Contracts;
using Accreditation.Registration.Data;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Registration.Domain;

/// <summary>
/// Nominating, switching and withdrawing representatives, each in one transaction retried whole on
/// contention (SQLite's single writer then serializes counting seats and taking one). A change is
/// saved before the freed seats are given away, so that counting the seats taken sees it; the
/// seats go to the waiting list in the same transaction.
/// </summary>
public sealed class RepresentativeChanges(RegistrationDb db, TimeProvider clock)
{
    public Task<Representative> NominateAsync(Guid applicationId, Caller caller, RepresentativeDetails details, AttendanceMode mode, CancellationToken ct) =>
        db.RetryInTransactionAsync(async ct =>
        {
            var c = await db.LoadCaseAsync(applicationId, ct);
            Access.EnsureMember(caller, c.Organization);
            var active = await db.Representatives().CountAsync(r => r.ApplicationId == applicationId && r.Status != RepresentativeStatus.Withdrawn, ct);
            var now = clock.GetUtcNow();
            var representative = Representative.Nominate(c.Application, c.Dialogue, active,
                await db.SeatsTakenAsync(c.Dialogue.Id, ct), await db.NextPositionAsync(c.Dialogue.Id, ct),
                details, mode, new Actor(caller.Subject, caller.Role), now);
            var alreadyWaiting = await db.Representatives().CountAsync(r => r.DialogueId == c.Dialogue.Id && r.Status == RepresentativeStatus.WaitingList, ct);
            db.Representatives().Add(representative);
            db.Enqueue(new RepresentativeNominated(c.Application.Id, c.Organization.Id, c.Organization.Name, c.Dialogue.Id, c.Dialogue.Title,
                representative.Id, representative.Status.ToString(), representative.WaitingPositionAtNomination(alreadyWaiting), now), now);
            await db.SaveChangesAsync(ct);
            return representative;
        }, ct);

    public Task<Representative> ChangeModeAsync(Guid id, Caller caller, AttendanceMode mode, CancellationToken ct) =>
        ChangeAsync(id, caller, async (representative, dialogue, now, ct) =>
            representative.ChangeMode(mode, dialogue, await db.SeatsTakenAsync(dialogue.Id, ct),
                await db.NextPositionAsync(dialogue.Id, ct), now), ct);

    /// <summary>The organization withdraws its representative; an officer may remove one.</summary>
    public Task<Representative> WithdrawAsync(Guid id, Caller caller, CancellationToken ct) =>
        ChangeAsync(id, caller, (representative, _, now, _) =>
            Task.FromResult(representative.Withdraw(new Actor(caller.Subject, caller.Role), now)), ct);

    /// <summary>
    /// Blanks the personal data of the dialogue's representatives once it has taken place; returns
    /// how many were purged. The old names must not stay behind in the write-ahead log either.
    /// </summary>
    public async Task<int> PurgeAsync(Guid dialogueId, Caller caller, CancellationToken ct)
    {
        var purged = await db.RetryInTransactionAsync(async ct =>
        {
            var dialogue = await db.Dialogues.SingleOrDefaultAsync(d => d.Id == dialogueId, ct)
                ?? throw new NotFoundException("Dialogue", dialogueId, RegistrationReasons.DialogueNotFound);
            return await db.PurgeRepresentativesAsync(dialogue, new Actor(caller.Subject, caller.Role), clock.GetUtcNow(), ct);
        }, ct);
        if (purged > 0)
            await db.ScrubAsync(ct);
        return purged;
    }

    /// <summary>
    /// Loads a representative, checks the caller may change it (its organization's members, or the
    /// secretariat), applies the change and, when it freed a seat, gives the seat to the waiting list.
    /// </summary>
    Task<Representative> ChangeAsync(Guid id, Caller caller,
        Func<Representative, Dialogue, DateTimeOffset, CancellationToken, Task<bool>> change, CancellationToken ct) =>
        db.RetryInTransactionAsync(async ct =>
        {
            var representative = await db.LoadRepresentativeAsync(id, ct);
            if (!caller.IsSecretariat)
            {
                var organization = await db.Organizations.Include(o => o.Members).SingleAsync(o => o.Id == representative.OrganizationId, ct);
                Access.EnsureMember(caller, organization);
            }
            var dialogue = await db.Dialogues.SingleAsync(d => d.Id == representative.DialogueId, ct);
            var now = clock.GetUtcNow();
            var freed = await change(representative, dialogue, now, ct);
            await db.SaveChangesAsync(ct);
            if (freed)
                await db.FillFreeSeatsAsync(dialogue, now, ct);
            return representative;
        }, ct);
}
