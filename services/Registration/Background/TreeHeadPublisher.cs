using Accreditation.Registration.Data;
using Accreditation.Registration.Data.Ledger;
using Accreditation.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Registration.Background;

/// <summary>
/// Publishes a signed tree head at start, then whenever Ledger:TreeHeadEveryEntries entries were
/// added since the last one, or Ledger:TreeHeadInterval has passed (wall time) and the log grew:
/// the witness then never holds a head much older than the log.
/// </summary>
public sealed class TreeHeadPublisher(IServiceScopeFactory scopes, LedgerSettings settings, LedgerKeyStore keys, TimeProvider clock,
    ILogger<TreeHeadPublisher> logger) : PeriodicWork(scopes, logger)
{
    DateTimeOffset? _lastSigned;

    protected override TimeSpan Interval => settings.TreeHeadPollInterval;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<RegistrationDb>();
        var wall = services.GetRequiredService<WallClock>().GetUtcNow();
        if (_lastSigned is not null)
        {
            var size = await db.LedgerEntries.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
            var last = await LedgerHeads.LatestAsync(db, ct);
            var grown = size - (last?.Size ?? 0);
            if (grown == 0 || (grown < settings.TreeHeadEveryEntries && wall - _lastSigned < settings.TreeHeadInterval))
                return;
        }
        // At start the head is published even when unchanged: the witness learns the log is up.
        if (await db.SignAsync(keys, clock, onlyIfGrown: _lastSigned is not null, ct) is { } head)
            logger.LogInformation("Ledger tree head signed: {Size} entries, root {Root}", head.Size, head.RootHash);
        _lastSigned = wall;
    }
}
