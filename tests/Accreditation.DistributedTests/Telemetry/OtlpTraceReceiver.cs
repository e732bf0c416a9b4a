using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Trace.V1;

namespace Accreditation.DistributedTests.Telemetry;

/// <summary>One span as a process exported it: its process (service.name), instrumentation scope, ids in hex, kind and string attributes.</summary>
public sealed record ReceivedSpan(string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name,
    Span.Types.SpanKind Kind, IReadOnlyDictionary<string, string> Attributes)
{
    public override string ToString() =>
        $"{SpanId} <- {ParentSpanId} {Service} {Scope} {Kind} '{Name}' {string.Join(", ", Attributes.Select(a => $"{a.Key}={a.Value[..Math.Min(a.Value.Length, 120)]}"))}";
}

/// <summary>
/// An OTLP/HTTP collector stand-in on a free loopback port (protobuf, POST /v1/traces), as the
/// processes reach one with OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf:
/// decodes each ExportTraceServiceRequest and keeps its spans.
/// </summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    readonly WebApplication _app;

    OtlpTraceReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v1/traces", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            foreach (var span in Spans(ExportTraceServiceRequest.Parser.ParseFrom(body.ToArray())))
                _spans.Enqueue(span);
            // An empty ExportTraceServiceResponse: everything accepted.
            return Results.Bytes([], "application/x-protobuf");
        });
    }

    /// <summary>The OTEL_EXPORTER_OTLP_ENDPOINT (the exporter adds /v1/traces).</summary>
    public string Endpoint => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    public IReadOnlyList<ReceivedSpan> SpansOf(string traceId) => [.. _spans.Where(s => s.TraceId == traceId)];

    public static async Task<OtlpTraceReceiver> StartAsync()
    {
        var receiver = new OtlpTraceReceiver();
        await receiver._app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    static IEnumerable<ReceivedSpan> Spans(ExportTraceServiceRequest request) =>
        from resource in request.ResourceSpans
        let service = resource.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value.StringValue ?? ""
        from scope in resource.ScopeSpans
        from span in scope.Spans
        select new ReceivedSpan(service, scope.Scope?.Name ?? "", Hex(span.TraceId), Hex(span.SpanId), Hex(span.ParentSpanId), span.Name, span.Kind,
            span.Attributes.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => Text(g.Last().Value)));

    static string Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        _ => value?.ToString() ?? "",
    };

    static string Hex(ByteString id) => Convert.ToHexStringLower(id.Span);
}
