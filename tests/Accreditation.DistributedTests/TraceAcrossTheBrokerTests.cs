using System.Security.Cryptography;
using Accreditation.DistributedTests.Infrastructure;
using Accreditation.DistributedTests.Telemetry;
using Grpc.Core;
using OpenTelemetry.Proto.Trace.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.DistributedTests;

/// <summary>
/// One request is one trace across processes: the gateway, Registration's process that takes the
/// request, its outbox publishing the event later, RabbitMQ, and the Notifications process that
/// raises the notice, each exporting its own spans over OTLP. The run samples only traces a caller
/// started sampled, so a consumer that lost the context at the broker records nothing at all.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class TraceAcrossTheBrokerTests(DistributedSystem system)
{
    readonly Api _api = new(system);

    [Fact]
    public async Task An_application_submitted_through_the_gateway_and_its_notice_share_one_trace_across_the_broker()
    {
        var officer = await _api.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer);
        var user = await _api.SignUpAsync();
        var organization = await _api.CreateOrganizationAsync(user, "Traced Refugee Law Project");

        // The caller's own span, as a client that traces would send it: sampled (-01).
        var trace = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var caller = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var call = user.Call;
        call.Headers!.Add("traceparent", $"00-{trace}-{caller}-01");
        var application = (await _api.Applications.SubmitApplicationAsync(new RegistrationV1.SubmitApplicationRequest
        {
            OrganizationId = organization.OrganizationId,
            DialogueId = dialogue.DialogueId,
        }, call)).Application;
        await Api.EventuallyAsync(() => _api.NoticesAsync(user.Token),
            notices => notices.Any(n => n.Kind == "application-received" && n.ApplicationId == application.ApplicationId), "the application-received notice");

        // Each process exports in batches (every half second here), each on its own timer: the
        // gateway's span can arrive after the consumer's, so wait for every process's part.
        bool IsGatewayTaking(ReceivedSpan s) => s.Service == "gateway" && s.Kind == Span.Types.SpanKind.Server && s.ParentSpanId == caller;
        var spans = await Api.EventuallyAsync(() => Task.FromResult(system.Traces.SpansOf(trace)),
            s => s.Any(IsGatewayTaking) && s.Any(IsRegistrationServing) && s.Any(IsOutboxPublication) && s.Any(IsNotificationsConsuming),
            "the gateway's, Registration's, the outbox's and the Notifications consumer's spans in the request's trace (the context would be lost at the broker)");
        var described = string.Join("\n", spans.Where(s => s.Scope != "OpenTelemetry.Instrumentation.EntityFrameworkCore"));

        // The request as the gateway took it from the caller.
        var gateway = One(spans, IsGatewayTaking, "the gateway's request span", described);
        var service = One(spans, IsRegistrationServing, "Registration's SubmitApplication span", described);
        Assert.True(IsBelow(service, gateway, spans), $"Registration's span is not under the gateway's:\n{described}");

        var publish = One(spans, IsOutboxPublication, "the outbox's publication of ApplicationSubmitted", described);
        Assert.True(IsBelow(publish, service, spans), $"The outbox's publication is not under the request that queued the event:\n{described}");

        var send = spans.Where(s => s.Service == "registration" && s.Scope == "MassTransit" && s.Kind == Span.Types.SpanKind.Producer).ToList();
        Assert.True(send.Any(s => s.ParentSpanId == publish.SpanId), $"MassTransit's send is not under the outbox's publication:\n{described}");
        var consume = spans.Where(IsNotificationsConsuming).ToList();
        Assert.True(consume.Any(c => send.Any(s => IsBelow(c, s, spans))), $"The Notifications consumer is not under Registration's send:\n{described}");
    }

    static ReceivedSpan One(IReadOnlyList<ReceivedSpan> spans, Func<ReceivedSpan, bool> match, string what, string described)
    {
        var found = spans.Where(match).ToList();
        Assert.True(found.Count == 1, $"{found.Count} spans are {what}, not one, in the trace:\n{described}");
        return found[0];
    }

    static bool IsRegistrationServing(ReceivedSpan span) =>
        span.Service == "registration" && span.Kind == Span.Types.SpanKind.Server
        && (span.Name.Contains("ApplicationService/SubmitApplication", StringComparison.Ordinal)
            || span.Attributes.Values.Any(v => v.EndsWith("ApplicationService/SubmitApplication", StringComparison.Ordinal)));

    static bool IsOutboxPublication(ReceivedSpan span) =>
        span.Service == "registration" && span.Scope == "Accreditation.Outbox"
        && span.Attributes.GetValueOrDefault("accreditation.outbox.event") == "ApplicationSubmitted";

    static bool IsNotificationsConsuming(ReceivedSpan span) =>
        span.Service == "notifications" && span.Scope == "MassTransit" && span.Kind == Span.Types.SpanKind.Consumer;

    static bool IsBelow(ReceivedSpan span, ReceivedSpan ancestor, IReadOnlyList<ReceivedSpan> spans) =>
        SpanAncestry.IsBelow(span.SpanId, ancestor.SpanId, SpanAncestry.Parents(spans, s => s.SpanId, s => s.ParentSpanId));
}
