using Accreditation.Registration.Data;
using Accreditation.Registration.Data.Ledger;

namespace Accreditation.Registration.Ledger;

/// <summary>
/// Publishes the ledger's head (LedgerCheckpointed) every Ledger:CheckpointInterval (default one
/// hour) when it has grown. Wall-clock timer: checkpoints are infrastructure, not domain time.
/// </summary>
public sealed class LedgerCheckpointService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock,
    ILogger<LedgerCheckpointService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Ledger:CheckpointInterval", TimeSpan.FromHours(1));
        using var timer = new PeriodicTimer(interval, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await CheckpointAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    async Task CheckpointAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistrationDb>();
            if (await db.CheckpointAsync(clock, onlyIfGrown: true, ct) is { } checkpoint)
                logger.LogInformation("Ledger checkpoint: {Count} entries, head {Head}", checkpoint.Count, checkpoint.HeadHash);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The next tick tries again; a missed checkpoint only widens the window it covers.
            logger.LogError(ex, "Ledger checkpoint failed");
        }
    }
}
