using Accreditation.Contracts;
using Accreditation.Objections.Data;
using Accreditation.Objections.Domain;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Accreditation.Objections.Messaging;

/// <summary>
/// Reminds the States parties once per circulation, a lead time (<c>Objections:ReminderLeadTime</c>,
/// two days unless configured) before its deadline. As with closing, a conditional update decides
/// who sends it, so a restart or a second replica never reminds twice.
/// </summary>
public sealed class ObjectionDeadlineReminder(ObjectionsDb db, TimeProvider clock, IOptions<ObjectionWindowOptions> options, OutboxSignal signal)
{
    public TimeSpan LeadTime => options.Value.ReminderLeadTime;

    public async Task<int> RemindDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var lead = LeadTime;
        var candidates = await db.Circulations.AsNoTracking().Where(Circulation.ToRemindAt(now, lead)).ToListAsync(ct);
        var sent = 0;
        foreach (var circulation in candidates.Where(c => c.IsDueForReminder(now, lead)))
            if (await RemindAsync(circulation.Id, now, ct))
                sent++;
        if (sent > 0)
            signal.Notify();
        return sent;
    }

    Task<bool> RemindAsync(Guid circulationId, DateTimeOffset now, CancellationToken ct) =>
        db.RetryInTransactionAsync(async ct =>
        {
            var won = await db.Circulations
                .Where(c => c.Id == circulationId && c.ReminderSentAt == null && c.ClosedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.ReminderSentAt, now), ct) == 1;
            if (!won)
                return false;
            var circulation = await db.Circulations.AsNoTracking().SingleAsync(c => c.Id == circulationId, ct);
            db.Enqueue(new ObjectionDeadlineApproaching(circulation.Id, circulation.DialogueTitle, circulation.Deadline), now);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
}
