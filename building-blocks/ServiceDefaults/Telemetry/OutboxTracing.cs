using System.Diagnostics;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.ServiceDefaults.Telemetry;

/// <summary>
/// Carries a request's trace across the outbox: the row keeps the W3C context of the change that
/// queued it, and its publication, later and on the dispatcher's thread, continues that trace, so
/// MassTransit's send span and the consumers' spans join the request that caused the event.
/// </summary>
public static class OutboxTracing
{
    public const string SourceName = "Accreditation.Outbox";
    public const string PublishActivity = "outbox publish";
    static readonly ActivitySource Source = new(SourceName);

    /// <summary>The current span's traceparent and tracestate, or nulls outside a W3C trace.</summary>
    public static (string? TraceParent, string? TraceState) Current() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? (activity.Id, activity.TraceStateString) : (null, null);

    /// <summary>
    /// The span of one publication of <paramref name="row"/>, child of the span that queued it
    /// (a root when the row kept no context); null when nobody records this source.
    /// </summary>
    public static Activity? StartPublish(OutboxMessage row)
    {
        ActivityContext.TryParse(row.TraceParent, row.TraceState, isRemote: true, out var parent);
        var activity = Source.StartActivity(PublishActivity, ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", row.MessageId.ToString());
        activity?.SetTag("accreditation.outbox.event", row.Type[(row.Type.LastIndexOf('.') + 1)..]);
        activity?.SetTag("accreditation.outbox.sequence", row.Sequence);
        activity?.SetTag("accreditation.outbox.attempts", row.Attempts);
        return activity;
    }
}
