using System.Diagnostics;
using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.ServiceDefaults.Telemetry;
using OpenTelemetry.Trace;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Telemetry;

/// <summary>
/// One request is one trace: the gateway, the service that takes the request, the outbox that
/// publishes its event later, the bus and the consumer that raises the notice. An operator who
/// finds a notice finds the request that caused it.
/// </summary>
public sealed class TraceAcrossHopsTests : IAsyncLifetime
{
    /// <summary>The test's own root span, so its trace id is known before the request leaves.</summary>
    static readonly ActivitySource Test = new("Accreditation.FunctionalTests");
    readonly List<Activity> _spans = [];
    readonly SystemFixture _system;
    readonly Clients _api;

    public TraceAcrossHopsTests()
    {
        _system = new SystemFixture(new Dictionary<string, string?>())
        {
            Tracing = tracing => tracing.AddSource(Test.Name).AddInMemoryExporter(_spans),
        };
        _api = new Clients(_system);
    }

    public Task InitializeAsync() => _system.InitializeAsync();

    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task An_application_submitted_through_the_gateway_and_its_notice_share_one_trace()
    {
        var officer = await _system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer);
        var user = await _system.SignUpOrganizationUserAsync();
        var organization = await _api.CreateOrganizationAsync(user, "Traced Legal Aid Clinic");

        ActivityTraceId trace;
        RegistrationV1.Application application;
        using (var submitting = Test.StartActivity("organization submits an application", ActivityKind.Client))
        {
            Assert.NotNull(submitting);
            trace = submitting.TraceId;
            application = await _api.ApplyAsync(user, organization, dialogue);
        }
        await SystemFixture.EventuallyAsync(() => _api.NoticesAsync(user.Token),
            notices => notices.Any(n => n.Kind == "application-received" && n.ApplicationId == application.ApplicationId), "the application-received notice");

        // The consumer's span ends after its commit, a moment after the notice can be read.
        var spans = await SystemFixture.EventuallyAsync(() => Task.FromResult(SpansOf(trace)),
            s => s.Any(IsNotificationsConsuming), "the Notifications consumer's span in the request's trace");
        var described = string.Join("\n", spans.Select(Describe));

        var gateway = Assert.Single(spans, s => s.Kind == ActivityKind.Server && Part(s) == "gateway");
        var service = Assert.Single(spans, s => s.Kind == ActivityKind.Server && Part(s) == "registration"
            && ((string?)s.GetTagItem("grpc.method"))?.EndsWith("ApplicationService/SubmitApplication") == true);
        Assert.True(IsBelow(service, gateway, spans), $"The service's span is not under the gateway's:\n{described}");

        var publish = Assert.Single(spans, s => s.Source.Name == OutboxTracing.SourceName
            && (string?)s.GetTagItem("accreditation.outbox.event") == "ApplicationSubmitted");
        Assert.True(IsBelow(publish, service, spans), $"The outbox's publication is not under the request that queued the event:\n{described}");

        var send = spans.Where(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Producer).ToList();
        Assert.Contains(send, s => s.ParentSpanId == publish.SpanId);
        var consume = spans.Where(IsNotificationsConsuming).ToList();
        Assert.Contains(consume, c => send.Any(s => IsBelow(c, s, spans)));
    }

    List<Activity> SpansOf(ActivityTraceId trace)
    {
        lock (_spans)
            return _spans.Where(s => s.TraceId == trace).ToList();
    }

    static bool IsNotificationsConsuming(Activity span) =>
        span.Source.Name == "MassTransit" && span.Kind == ActivityKind.Consumer
        && span.Tags.Any(t => t.Value?.Contains("notifications", StringComparison.OrdinalIgnoreCase) == true);

    static string? Part(Activity span) => (string?)span.GetTagItem(TelemetryPipelines.PartTag);

    /// <summary>Whether <paramref name="span"/> descends from <paramref name="ancestor"/> through the recorded spans.</summary>
    static bool IsBelow(Activity span, Activity ancestor, IReadOnlyList<Activity> spans) =>
        SpanAncestry.IsBelow(span.SpanId, ancestor.SpanId, SpanAncestry.Parents(spans, s => s.SpanId, s => s.ParentSpanId));

    static string Describe(Activity s) =>
        $"{s.SpanId} <- {s.ParentSpanId} {s.Source.Name} {s.Kind} '{s.DisplayName}' {string.Join(", ", s.Tags.Select(t => $"{t.Key}={t.Value}"))}";
}
