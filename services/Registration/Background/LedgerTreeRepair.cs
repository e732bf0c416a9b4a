using Accreditation.Registration.Data;
using Accreditation.Registration.Data.Ledger;

namespace Accreditation.Registration.Background;

/// <summary>
/// Before the service takes requests: the Merkle tree's stored subtrees are brought in line with
/// the entries (built for a ledger from before the tree, trimmed after a shortened file).
/// </summary>
public sealed class LedgerTreeRepair(IServiceScopeFactory scopes, ILogger<LedgerTreeRepair> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var built = await LedgerTree.RepairAsync(scope.ServiceProvider.GetRequiredService<RegistrationDb>(), cancellationToken);
        if (built > 0)
            logger.LogWarning("The ledger's Merkle tree was rebuilt from its {Count} entries", built);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
