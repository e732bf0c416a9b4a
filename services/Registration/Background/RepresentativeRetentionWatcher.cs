using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Accreditation.Registration.Background;

/// <summary>
/// Purges representatives' personal data once <c>Registration:RepresentativeRetention</c> (default
/// 90 days) has passed after the day of their dialogue (domain clock), one dialogue per transaction,
/// each purge recorded in the ledger.
/// </summary>
public sealed class RepresentativeRetentionWatcher(IServiceScopeFactory scopes, IOptions<RegistrationOptions> options, TimeProvider clock,
    ILogger<RepresentativeRetentionWatcher> logger) : PeriodicWork(scopes, logger)
{
    static readonly Actor Retention = new("representative-retention", "system");

    protected override TimeSpan Interval => options.Value.RetentionPollInterval;

    TimeSpan RetentionPeriod => options.Value.RepresentativeRetention;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<RegistrationDb>();
        var now = clock.GetUtcNow();
        // Due when the day after the dialogue plus the retention period has begun.
        var lastDueDate = DateOnly.FromDateTime((now - RetentionPeriod - TimeSpan.FromDays(1)).UtcDateTime);
        var due = await db.Dialogues.AsNoTracking()
            .Where(d => d.Date <= lastDueDate && db.Representatives().Any(r => r.DialogueId == d.Id && r.PurgedAt == null))
            .Select(d => d.Id)
            .ToListAsync(ct);
        foreach (var id in due)
        {
            var purged = await db.RetryInTransactionAsync(async ct =>
            {
                var dialogue = await db.Dialogues.SingleAsync(d => d.Id == id, ct);
                return await db.PurgeRepresentativesAsync(dialogue, Retention, clock.GetUtcNow(), ct);
            }, ct);
            db.ChangeTracker.Clear();
            // The old names must not stay behind in the write-ahead log either.
            await db.ScrubAsync(ct);
            logger.LogInformation("Retention: purged the personal data of {Count} representative(s) of dialogue {DialogueId}", purged, id);
        }
    }
}
