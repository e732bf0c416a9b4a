using System.Diagnostics;
using System.Text.Json;
using Accreditation.Contracts;
using Accreditation.ServiceDefaults.Hosting;
using Accreditation.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>
/// Publishes committed outbox rows in order and marks them sent once delivered. Rows that failed are retried
/// with backoff (never abandoned); after a crash, whatever is still pending goes out on start.
/// Sent rows are deleted after <see cref="SentRetention"/>: the ledger is the record, and some
/// events carry one-time codes that must not outlive their validity at rest.
/// </summary>
public sealed class OutboxDispatcher<TDb>(
    IServiceScopeFactory scopes, IEventPublisher publisher, OutboxSignal signal, IOptions<OutboxOptions> options,
    WallClock wall, ILogger<OutboxDispatcher<TDb>> logger)
    : BackgroundService where TDb : DbContext
{
    // Large enough for a grouped consumer's whole group (EventHandlers.GroupedConcurrency) in one batch.
    const int BatchSize = 500;
    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    /// <summary>Longer than any one-time code an event carries is valid (an invitation: 7 days).</summary>
    public static readonly TimeSpan SentRetention = TimeSpan.FromDays(8);
    static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pruneAt = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchBatchAsync(stoppingToken) == BatchSize) { }
                if (wall.GetUtcNow() >= pruneAt)
                {
                    await PruneSentAsync(wall.GetUtcNow(), stoppingToken);
                    pruneAt = wall.GetUtcNow() + PruneInterval;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Outbox dispatch of {Db} failed; retrying", typeof(TDb).Name);
            }
            try
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Publishes one batch of due rows in commit order, then marks sent, in order, each row the
    /// transport counts as delivered. The first row that fails (or is not consumed in time) waits
    /// for its retry, and so does every row after it: a later event of the same application never
    /// goes out for good ahead of it. Returns how many rows were attempted, 0 after a failure.
    /// </summary>
    public async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        // Several replicas share a PostgreSQL outbox: one of them dispatches at a time (see OutboxClaim).
        await using var claim = await OutboxClaim.TryTakeAsync(db, ct);
        if (claim is null)
            return 0;
        var now = wall.GetUtcNow();
        var due = await db.Set<OutboxMessage>()
            .Where(m => m.SentAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .OrderBy(m => m.Sequence)
            .Take(BatchSize)
            .ToListAsync(ct);

        var failed = false;
        try
        {
            var published = new List<(OutboxMessage Row, Task Delivered)>(due.Count);
            foreach (var row in due)
            {
                // Continues the trace of the request that queued the row; MassTransit's send span is its child.
                using var publishing = OutboxTracing.StartPublish(row);
                try
                {
                    var type = typeof(ApplicationSubmitted).Assembly.GetType(row.Type, throwOnError: true)!;
                    var message = JsonSerializer.Deserialize(row.Payload, type)!;
                    published.Add((row, (await publisher.PublishAsync(message, type, row.MessageId, ct)).Delivered));
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    publishing?.SetStatus(ActivityStatusCode.Error, ex.Message);
                    failed = Fail(row, ex.Message, ex);
                    break;
                }
            }
            foreach (var (row, delivered) in published)
            {
                try
                {
                    await delivered.WaitAsync(options.Value.DeliveryTimeout, ct);
                    row.SentAt = wall.GetUtcNow();
                }
                catch (TimeoutException)
                {
                    // Published, but not all consumers committed in time: it goes out again, and the
                    // inboxes of those that did commit make the second delivery harmless.
                    failed = Fail(row, $"not consumed within {options.Value.DeliveryTimeout}", null);
                    break;
                }
            }
        }
        finally
        {
            // Even when stopping: what was delivered stays delivered.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return failed ? 0 : due.Count;
    }

    bool Fail(OutboxMessage row, string error, Exception? exception)
    {
        row.Attempts++;
        row.LastError = error;
        row.NextAttemptAt = wall.GetUtcNow() + Backoff(row.Attempts);
        logger.LogWarning(exception, "Publishing {Type} {MessageId} failed (attempt {Attempts}): {Error}", row.Type, row.MessageId, row.Attempts, error);
        return true;
    }

    /// <summary>Deletes rows sent more than <see cref="SentRetention"/> before <paramref name="now"/>; returns how many.</summary>
    public async Task<int> PruneSentAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var before = now - SentRetention;
        return await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < before).ExecuteDeleteAsync(ct);
    }

    static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMilliseconds(Math.Min(250 * Math.Pow(2, attempts - 1), 60_000));
}
