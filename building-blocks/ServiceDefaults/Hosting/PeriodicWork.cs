using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Accreditation.ServiceDefaults.Hosting;

/// <summary>
/// Work a service does at a steady pace in a fresh scope (closing windows, lapsing requests,
/// checkpoints). Paced on wall time even where tests simulate the domain clock; a failed round
/// is logged and the next one tries again.
/// </summary>
public abstract class PeriodicWork(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>Whether the first round runs at start (catching up after a restart) or after one interval.</summary>
    protected virtual bool RunAtStart => true;

    protected abstract Task RunAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        WallClock wall;
        using (var scope = scopes.CreateScope())
            wall = scope.ServiceProvider.GetRequiredService<WallClock>();
        using var timer = new PeriodicTimer(Interval, wall);
        try
        {
            if (RunAtStart)
                await RoundAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await RoundAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    async Task RoundAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await RunAsync(scope.ServiceProvider, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "{Work} failed; the next round tries again", GetType().Name);
        }
    }
}
