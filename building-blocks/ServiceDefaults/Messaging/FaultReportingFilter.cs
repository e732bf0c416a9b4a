using MassTransit;
using Microsoft.Extensions.Logging;

namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>
/// Reports a message whose last retry failed: MassTransit is about to move it to the _error queue
/// (with the exception in its MT-Fault-* headers) and publish its Fault. Operators see it as one
/// error log line, the accreditation.messaging.faults counter (by queue and message type) and a
/// row in the service's FailedMessages table.
/// </summary>
sealed class FaultReportingFilter(ILogger logger, int retryLimit, IFailedMessageStore? store) : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        try
        {
            await next.Send(context);
        }
        // The endpoint's retry filter wraps every other filter, so earlier attempts pass through here too.
        catch (Exception ex) when (context.GetRetryAttempt() >= retryLimit && !context.CancellationToken.IsCancellationRequested)
        {
            var queue = context.ReceiveContext.InputAddress?.AbsolutePath.Split('/')[^1] ?? "?";
            var type = context.SupportedMessageTypes.FirstOrDefault()?.Replace("urn:message:", "") ?? "?";
            MessagingMetrics.Faults.Add(1, new("queue", queue), new("message_type", type));
            logger.LogError(ex, "Message {MessageId} ({MessageType}) on queue {Queue} failed after its retries; moved to {ErrorQueue}",
                context.MessageId, type, queue, queue + "_error");
            if (store is not null && context.MessageId is { } messageId)
                await store.RecordAsync(messageId, type, Body(context), ex, context.CancellationToken);
            throw;
        }
    }

    static string Body(ConsumeContext context)
    {
        try
        {
            return context.ReceiveContext.Body.GetString();
        }
        catch (Exception)
        {
            return "";
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("faultReporting");
}
