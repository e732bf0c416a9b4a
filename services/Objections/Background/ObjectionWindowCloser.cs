using Accreditation.Contracts;
using Accreditation.Objections.Data;
using Accreditation.Objections.Domain;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Hosting;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Accreditation.Objections.Messaging;

namespace Accreditation.Objections.Background;

/// <summary>
/// Closes every window whose deadline has passed, exactly once: the conditional update that sets
/// ClosedAt and the ObjectionWindowClosed event commit together, so a restart or a second replica
/// that races for the same window finds it closed and publishes nothing.
/// </summary>
public sealed class ObjectionWindowCloser(ObjectionsDb db, TimeProvider clock, OutboxSignal signal)
{
    public async Task<int> CloseDueWindowsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Circulations.AsNoTracking()
            .Where(Circulation.DueToCloseAt(now))
            .Select(c => c.Id)
            .ToListAsync(ct);
        var closed = 0;
        foreach (var id in due)
            if (await CloseAsync(id, now, ct))
                closed++;
        if (closed > 0)
            signal.Notify();
        return closed;
    }

    async Task<bool> CloseAsync(Guid circulationId, DateTimeOffset now, CancellationToken ct) =>
        await db.RetryInTransactionAsync(async ct =>
        {
            var won = await db.Circulations
                .Where(c => c.Id == circulationId && c.ClosedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.ClosedAt, now), ct) == 1;
            if (!won)
                return false;
            var circulation = await db.Circulations.AsNoTracking().Include(c => c.Applicants).SingleAsync(c => c.Id == circulationId, ct);
            var objections = await db.Objections.AsNoTracking().Where(o => o.CirculationId == circulationId).ToListAsync(ct);
            var results = Objection.Tally(circulation.Applicants.Select(a => a.ApplicationId), objections)
                .Select(t => new ObjectionTally(t.ApplicationId, t.Standing))
                .ToList();
            db.Enqueue(new ObjectionWindowClosed(circulationId, circulation.DialogueId, circulation.Deadline, now, results), now);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
}

/// <summary>Looks for windows past their deadline, or near it, at a steady pace (and at start, after a restart).</summary>
public sealed class ObjectionWindowWatcher(IServiceScopeFactory scopes, IOptions<ObjectionWindowOptions> options, ILogger<ObjectionWindowWatcher> logger)
    : PeriodicWork(scopes, logger)
{
    // The pace is wall time; the deadline itself is compared with the domain clock.
    protected override TimeSpan Interval => options.Value.DeadlinePollInterval;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var closed = await services.GetRequiredService<ObjectionWindowCloser>().CloseDueWindowsAsync(ct);
        if (closed > 0)
            logger.LogInformation("Closed {Count} objection window(s)", closed);
        var reminded = await services.GetRequiredService<ObjectionDeadlineReminder>().RemindDueAsync(ct);
        if (reminded > 0)
            logger.LogInformation("Reminded the States parties of {Count} objection deadline(s)", reminded);
    }
}
