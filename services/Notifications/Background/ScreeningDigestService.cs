using Accreditation.Notifications.Messaging;
using Accreditation.ServiceDefaults.Hosting;

namespace Accreditation.Notifications.Background;

/// <summary>Looks every poll interval (wall time) whether the digest is due by the domain clock.</summary>
public sealed class ScreeningDigestService(IServiceScopeFactory scopes, DigestOptions settings, WallClock wall, ILogger<ScreeningDigestService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<ScreeningDigest>().WriteIfDueAsync(stoppingToken))
                    logger.LogInformation("Screening digest written");
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Writing the screening digest failed; retrying");
            }
            try
            {
                await Task.Delay(settings.PollInterval, wall, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
