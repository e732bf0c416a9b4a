using Accreditation.ServiceDefaults.Domain;

namespace Accreditation.Notifications.Domain;

public enum DeliveryState
{
    Pending = 1,
    Sent = 2,
    Failed = 3,
}

/// <summary>
/// One e-mail of one notice to one address (unique per notice and address), rendered in the
/// addressee's language. Pending until the mail server accepts it (Sent) or every attempt has
/// failed (Failed). Every attempt carries the same Message-Id, so a retry after an acceptance
/// that was not recorded is recognisable as the same message.
/// </summary>
public sealed class Delivery
{
    Delivery() { } // for EF Core

    public Guid Id { get; private set; }
    public Guid NoticeId { get; private set; }
    public string Kind { get; private set; } = "";
    public string Recipient { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string Language { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DeliveryState State { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>When the sender may take it (again); also its lease while an attempt runs.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    public string MessageId => MessageIdFor(Id);

    public static string MessageIdFor(Guid deliveryId) => $"{deliveryId:N}@notifications.accreditation";

    /// <param name="createdAt">Domain time, like the notice's.</param>
    /// <param name="dueAt">Wall time: the sender's retries and leases run on the wall clock, not on a (possibly simulated) domain clock.</param>
    public static Delivery Create(Notice notice, Addressee to, RenderedNotice rendered, DateTimeOffset createdAt, DateTimeOffset dueAt) => new()
    {
        Id = RowId.At(createdAt),
        NoticeId = notice.Id,
        Kind = notice.Kind,
        Recipient = notice.Recipient,
        Address = to.Email,
        Language = rendered.Language,
        Subject = rendered.Subject,
        Body = rendered.Body,
        State = DeliveryState.Pending,
        NextAttemptAt = dueAt,
        CreatedAt = createdAt,
    };

    /// <summary>Sent: the text is dropped (the notice keeps what may be kept; an account e-mail's one-time code may not).</summary>
    public void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        Body = "";
        State = DeliveryState.Sent;
        SentAt = now;
        LastError = null;
    }

    /// <summary>Records a failed attempt: pending again after the backoff, or failed when none is left.</summary>
    public void RecordFailure(string error, DateTimeOffset now, RetryPolicy policy)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (Attempts >= policy.MaxAttempts)
            State = DeliveryState.Failed;
        else
            NextAttemptAt = now + policy.DelayAfter(Attempts);
    }

    /// <summary>The secretariat sends a failed delivery again, with a fresh set of attempts.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (State != DeliveryState.Failed)
            throw new Accreditation.ServiceDefaults.Errors.RuleViolationException($"Only a failed delivery can be retried; this one is {State}.",
                NotificationReasons.DeliveryNotFailed, ("delivery_state", State)) { Subject = $"deliveries/{Id}" };
        State = DeliveryState.Pending;
        Attempts = 0;
        NextAttemptAt = now;
    }
}
