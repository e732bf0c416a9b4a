using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Messaging;
using Accreditation.ServiceDefaults.Hosting;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Accreditation.Registration.Background;

/// <summary>
/// Lapses applications whose requested information did not arrive by the stated date (domain
/// clock), each in its own transaction with its ledger entry and event. The transition rule is
/// re-checked on a fresh read, so an answer that won the race is never lapsed.
/// </summary>
public sealed class InformationDeadlineWatcher(IServiceScopeFactory scopes, IOptions<RegistrationOptions> options, TimeProvider clock,
    ILogger<InformationDeadlineWatcher> logger) : PeriodicWork(scopes, logger)
{
    protected override TimeSpan Interval => options.Value.DeadlinePollInterval;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<RegistrationDb>();
        var now = clock.GetUtcNow();
        var due = await db.Applications.AsNoTracking()
            .Where(a => a.State == ApplicationState.InformationRequested && a.AnswerBy <= now)
            .Select(a => a.Id)
            .ToListAsync(ct);
        foreach (var id in due)
        {
            await db.ChangeCaseAsync(id, clock, (c, at) =>
            {
                if (c.Application.State != ApplicationState.InformationRequested || c.Application.AnswerBy > at)
                    return;
                var answerBy = c.Application.AnswerBy!.Value;
                c.Application.Lapse(at);
                db.Enqueue(RegistrationEvents.Lapsed(c, answerBy, at), at);
            }, ct);
            db.ChangeTracker.Clear();
        }
        if (due.Count > 0)
            logger.LogInformation("Lapsed {Count} application(s) whose information was not provided in time", due.Count);
    }
}
