using System.Text.Json;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Domain;
using Accreditation.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>An integration event committed with the state change that caused it, waiting to be published.</summary>
public sealed class OutboxMessage
{
    public long Sequence { get; private set; }
    public Guid MessageId { get; private set; }
    public string Type { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>The W3C traceparent of the request that queued the event; its publication continues that trace.</summary>
    public string? TraceParent { get; private set; }
    public string? TraceState { get; private set; }

    public static OutboxMessage For<TEvent>(TEvent message, DateTimeOffset at) where TEvent : class
    {
        var (traceParent, traceState) = OutboxTracing.Current();
        return new()
        {
            MessageId = RowId.At(at),
            Type = typeof(TEvent).FullName!,
            Payload = JsonSerializer.Serialize(message),
            CreatedAt = at,
            TraceParent = traceParent,
            TraceState = traceState,
        };
    }
}

/// <summary>A message a consumer has already handled; its presence makes a redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public string Consumer { get; init; } = "";
    public DateTimeOffset ProcessedAt { get; init; }
}

public static class OutboxModel
{
    /// <summary>Adds the outbox, inbox and failed-message tables to a service's model.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("OutboxMessages");
            e.HasKey(m => m.Sequence);
            e.Property(m => m.Sequence).ValueGeneratedOnAdd();
            e.HasIndex(m => m.MessageId).IsUnique();
            e.HasIndex(m => m.SentAt);
        });
        model.Entity<InboxMessage>(e =>
        {
            e.ToTable("InboxMessages");
            e.HasKey(m => new { m.MessageId, m.Consumer });
        });
        model.Entity<FailedMessage>(e =>
        {
            e.ToTable("FailedMessages");
            e.HasKey(m => new { m.MessageId, m.Queue });
        });
        // Every service with a bus keeps the list of revoked API clients, fed by its inbox.
        model.AddRevokedClients();
        return model;
    }

    /// <summary>Queues an event in the same transaction as the change that caused it.</summary>
    public static void Enqueue<TEvent>(this DbContext db, TEvent message, DateTimeOffset at) where TEvent : class =>
        db.Set<OutboxMessage>().Add(OutboxMessage.For(message, at));
}
