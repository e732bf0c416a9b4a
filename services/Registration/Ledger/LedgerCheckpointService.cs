using Accreditation.Registration.Data;
using Accreditation.Registration.Data.Ledger;
using Accreditation.ServiceDefaults.Hosting;

namespace Accreditation.Registration.Ledger;

/// <summary>
/// Publishes the ledger's head (LedgerCheckpointed) every Ledger:CheckpointInterval (default one
/// hour) when it has grown; a missed round only widens the window the next one covers.
/// </summary>
public sealed class LedgerCheckpointService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock,
    ILogger<LedgerCheckpointService> logger) : PeriodicWork(scopes, logger)
{
    protected override TimeSpan Interval => configuration.GetValue("Ledger:CheckpointInterval", TimeSpan.FromHours(1));

    protected override bool RunAtStart => false;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<RegistrationDb>();
        if (await db.CheckpointAsync(clock, onlyIfGrown: true, ct) is { } checkpoint)
            logger.LogInformation("Ledger checkpoint: {Count} entries, head {Head}", checkpoint.Count, checkpoint.HeadHash);
    }
}
