using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Accreditation.Notifications.Email;

namespace Accreditation.Notifications.Background;

/// <summary>
/// Sends due deliveries: takes each with a lease (so two senders never send the same one at
/// once), hands it to the <see cref="IEmailSender"/>, and records the outcome on the same row:
/// sent, pending again after an exponential backoff, or failed (logged) when its attempts are used
/// up. Runs on wall time: retries are infrastructure timing, not domain time.
/// </summary>
public sealed class DeliverySender(
    IServiceScopeFactory scopes, IEmailSender sender, EmailSettings settings, WallClock wall, ILogger<DeliverySender> logger) : BackgroundService
{
    const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) == BatchSize) { }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Sending e-mail deliveries failed; retrying");
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

    /// <summary>Attempts every due delivery once; returns how many were due.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
        var now = wall.GetUtcNow();
        var due = await db.Deliveries.AsNoTracking()
            .Where(d => d.State == DeliveryState.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt)
            .Select(d => new { d.Id, d.NextAttemptAt })
            .Take(BatchSize)
            .ToListAsync(ct);
        foreach (var candidate in due)
            await AttemptAsync(db, candidate.Id, candidate.NextAttemptAt, ct);
        return due.Count;
    }

    async Task AttemptAsync(NotificationsDb db, Guid id, DateTimeOffset seenNextAttempt, CancellationToken ct)
    {
        // The lease: only the sender whose update still sees the row as it was takes it.
        var leaseUntil = wall.GetUtcNow() + settings.Lease;
        var taken = await db.Deliveries
            .Where(d => d.Id == id && d.State == DeliveryState.Pending && d.NextAttemptAt == seenNextAttempt)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.NextAttemptAt, leaseUntil), ct);
        if (taken == 0)
            return;

        db.ChangeTracker.Clear();
        var delivery = await db.Deliveries.SingleAsync(d => d.Id == id, ct);
        var email = new OutgoingEmail(delivery.MessageId, delivery.Address, delivery.Language, delivery.Kind, delivery.Subject, delivery.Body);
        try
        {
            await sender.SendAsync(email, ct);
            delivery.MarkSent(wall.GetUtcNow());
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            delivery.RecordFailure($"{ex.GetType().Name}: {ex.Message}", wall.GetUtcNow(), settings.Retry);
            if (delivery.State == DeliveryState.Failed)
                logger.LogError(ex, "E-mail delivery {DeliveryId} of notice {NoticeId} ({Kind}) to {Recipient} failed after {Attempts} attempts; it stays listed as failed for the secretariat",
                    delivery.Id, delivery.NoticeId, delivery.Kind, delivery.Recipient, delivery.Attempts);
            else
                logger.LogWarning(ex, "E-mail delivery {DeliveryId} failed (attempt {Attempts}); next attempt at {NextAttemptAt}",
                    delivery.Id, delivery.Attempts, delivery.NextAttemptAt);
        }
        // Recorded even when the host is stopping: the attempt happened.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
