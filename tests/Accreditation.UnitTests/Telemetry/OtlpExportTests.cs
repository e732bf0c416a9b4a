using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Accreditation.ServiceDefaults;
using Accreditation.ServiceDefaults.Messaging;
using Accreditation.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Accreditation.UnitTests.Telemetry;

/// <summary>The OTLP exporter follows OpenTelemetry's standard variables, and is absent without them.</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public void Without_an_endpoint_nothing_is_exported()
    {
        Assert.Equal(new OtlpExport(false, false, false), OtlpExport.From(Configuration()));
    }

    [Fact]
    public void The_common_endpoint_exports_every_signal_but_those_set_to_none()
    {
        Assert.Equal(new OtlpExport(true, true, true), OtlpExport.From(Configuration(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"))));
        Assert.Equal(new OtlpExport(true, false, true), OtlpExport.From(Configuration(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"), ("OTEL_METRICS_EXPORTER", "none"))));
    }

    [Fact]
    public void A_signals_own_endpoint_exports_that_signal_only()
    {
        Assert.Equal(new OtlpExport(true, false, false), OtlpExport.From(Configuration(("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces"))));
    }

    [Fact]
    public void A_disabled_sdk_exports_nothing_whatever_the_endpoint()
    {
        Assert.Equal(new OtlpExport(false, false, false), OtlpExport.From(Configuration(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"), ("OTEL_SDK_DISABLED", "true"))));
    }

    [Fact]
    public void The_service_name_is_the_parts_unless_OTEL_SERVICE_NAME_says_otherwise()
    {
        Assert.Equal("registration", OtlpExport.ServiceName(Configuration(), "registration"));
        Assert.Equal("registration-eu-1", OtlpExport.ServiceName(Configuration(("OTEL_SERVICE_NAME", "registration-eu-1")), "registration"));
    }

    [Fact]
    public async Task A_service_without_the_variables_has_no_telemetry_providers()
    {
        // Set empty rather than left out: a developer's own environment must not change the answer.
        await using var app = Build(("OTEL_EXPORTER_OTLP_ENDPOINT", ""));
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.Null(app.Services.GetService<LoggerProvider>());
    }

    [Fact]
    public async Task A_service_with_an_endpoint_sends_its_spans_metrics_and_logs_there_under_its_name()
    {
        await using var collector = await CollectorStandIn.StartAsync();
        await using var app = Build(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Endpoint),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_SERVICE_NAME", "registration-replica-2"));
        var tracer = app.Services.GetRequiredService<TracerProvider>();
        var meter = app.Services.GetRequiredService<MeterProvider>();
        var logs = app.Services.GetRequiredService<LoggerProvider>();

        using (OutboxTracing.StartPublish(OutboxMessage.For(new Probe("outbox row"), DateTimeOffset.UnixEpoch)))
            MessagingMetrics.Duplicates.Add(1);
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Accreditation.Test").LogWarning("A warning for the collector");
        Assert.True(tracer.ForceFlush(10_000) && meter.ForceFlush(10_000) && logs.ForceFlush(10_000));

        // The exporter may send its batch in more than one request (a scheduled export beside the flush,
        // spans of other tests in this process): one of them carries the span, under the service's name.
        Assert.Contains(collector.Received, r => r.Path == "/v1/traces"
            && r.Text.Contains("registration-replica-2") && r.Text.Contains(OutboxTracing.PublishActivity));
        Assert.Contains(collector.Received, r => r.Path == "/v1/metrics" && r.Text.Contains("accreditation.messaging.duplicates"));
        Assert.Contains(collector.Received, r => r.Path == "/v1/logs" && r.Text.Contains("A warning for the collector"));
    }

    [Fact]
    public async Task A_signal_set_to_none_has_no_provider()
    {
        await using var app = Build(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9"), ("OTEL_METRICS_EXPORTER", "none"), ("OTEL_LOGS_EXPORTER", "none"));
        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.Null(app.Services.GetService<LoggerProvider>());
    }

    [Fact]
    public async Task A_part_of_a_process_that_lends_its_telemetry_adds_no_tracer_or_meter_of_its_own()
    {
        // OpenTelemetry's listeners are process-wide: a second tracer would export every span again.
        const string endpoint = "http://127.0.0.1:9";
        using var process = ProcessTelemetry.Start(Configuration(("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)), "accreditation");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create("OTEL_EXPORTER_OTLP_ENDPOINT", (string?)endpoint)]);
        builder.Services.AddSingleton(process);
        builder.AddTelemetry("registration");
        await using var app = builder.Build();

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.NotNull(app.Services.GetService<LoggerProvider>());
        Assert.Equal("accreditation", process.ServiceName);
    }

    sealed record Probe(string Name);

    static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    static WebApplication Build(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddTelemetry("registration");
        return builder.Build();
    }

    /// <summary>An OTLP/HTTP collector stand-in on a free loopback port: keeps what each export posted.</summary>
    sealed class CollectorStandIn(WebApplication app, string endpoint) : IAsyncDisposable
    {
        readonly ConcurrentQueue<(string Path, string Text)> _received = new();

        public string Endpoint { get; } = endpoint;
        public IReadOnlyCollection<(string Path, string Text)> Received => _received;

        public static async Task<CollectorStandIn> StartAsync()
        {
            var port = FreePort();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
            var app = builder.Build();
            var collector = new CollectorStandIn(app, $"http://127.0.0.1:{port}");
            app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                // Protobuf keeps strings as UTF-8 bytes: names and messages can be found in the text.
                collector._received.Enqueue((context.Request.Path.Value!, Encoding.UTF8.GetString(body.ToArray())));
                return Results.Ok();
            });
            await app.StartAsync();
            return collector;
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();

        static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
