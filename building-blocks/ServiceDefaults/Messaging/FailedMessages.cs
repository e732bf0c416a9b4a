using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>
/// A message a queue gave up on after its retries, kept in the consuming service's own file: the
/// in-memory transport's _error queue dies with the process, and an operator must still see it.
/// </summary>
public sealed class FailedMessage
{
    public Guid MessageId { get; init; }
    public string Queue { get; init; } = "";
    public string MessageType { get; set; } = "";
    /// <summary>The message as the transport carried it (its JSON envelope).</summary>
    public string Body { get; set; } = "";
    public string Error { get; set; } = "";
    public int Failures { get; set; }
    public DateTimeOffset FailedAt { get; set; }
}

public interface IFailedMessageStore
{
    Task RecordAsync(Guid messageId, string messageType, string body, Exception error, CancellationToken ct);
}

/// <summary>Records a failed message in the service's database, then tells the transport the queue is done with it.</summary>
sealed class FailedMessages<TDb>(IServiceProvider services, string queue) : IFailedMessageStore where TDb : DbContext
{
    public async Task RecordAsync(Guid messageId, string messageType, string body, Exception error, CancellationToken ct)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TDb>();
            // When it failed is an operator's fact, on wall time even where tests simulate the domain clock.
            var wall = scope.ServiceProvider.GetRequiredService<WallClock>();
            await db.RetryOnBusyAsync(async token =>
            {
                var row = await db.Set<FailedMessage>().FindAsync([messageId, queue], token);
                if (row is null)
                    db.Set<FailedMessage>().Add(row = new FailedMessage { MessageId = messageId, Queue = queue });
                row.MessageType = messageType;
                row.Body = body;
                row.Error = error.ToString();
                row.Failures++;
                row.FailedAt = wall.GetUtcNow();
                await db.SaveChangesAsync(token);
            }, ct);
            services.GetRequiredService<IConsumptionReceipts>().Failed(messageId, queue);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Not recorded, so not settled either: the publisher keeps the row pending and tries again.
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Accreditation.Messaging.Faults")
                .LogError(ex, "Failed message {MessageId} on queue {Queue} could not be recorded", messageId, queue);
        }
    }
}
