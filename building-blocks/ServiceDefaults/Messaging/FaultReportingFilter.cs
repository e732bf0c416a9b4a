using MassTransit;
using Microsoft.Extensions.Logging;

namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>
/// Reports a message whose last retry failed: MassTransit is about to move it to the _error queue
/// (with the exception in its MT-Fault-* headers) and publish its Fault. Operators see it as one
/// error log line and the accreditation.messaging.faults counter, by queue and message type.
/// </summary>
sealed class FaultReportingFilter(ILogger logger, int retryLimit) : IFilter<ConsumeContext>
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
            throw;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("faultReporting");
}
