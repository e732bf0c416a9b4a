using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Accreditation.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Accreditation.UnitTests.Messaging;

/// <summary>The consuming pipeline every service queue gets: retries, then the _error queue, reported once.</summary>
public sealed class ErrorQueueTests
{
    public sealed record PoisonProbe(Guid Id);

    [Fact]
    public async Task A_message_that_keeps_failing_is_retried_then_lands_in_the_error_queue_with_its_exception_and_is_reported_once()
    {
        var attempts = 0;
        var faults = new ConcurrentBag<(long Value, string? Queue)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MessagingMetrics.MeterName && instrument.Name == "accreditation.messaging.faults")
                l.EnableMeasurementEvents(instrument);
        };
        // The meter is the process's: other tests running beside this one report their own faults
        // (a refusing handler on "notifications"); only this test's queues count here.
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var queue = tags.ToArray().FirstOrDefault(t => t.Key == "queue").Value as string;
            if (queue?.StartsWith("poison-probe", StringComparison.Ordinal) == true)
                faults.Add((value, queue));
        });
        listener.Start();
        var logs = new ListLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs));
        var errorQueue = new TaskCompletionSource<PoisonProbe>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fault = new TaskCompletionSource<Fault<PoisonProbe>>(TaskCreationOptions.RunContinuationsAsynchronously);

        var bus = Bus.Factory.CreateUsingInMemory(cfg =>
        {
            cfg.ReceiveEndpoint("poison-probe", endpoint =>
            {
                EventHandlers<Microsoft.EntityFrameworkCore.DbContext>.UseRetryAndErrorQueue(endpoint, loggerFactory);
                endpoint.Handler<PoisonProbe>(_ =>
                {
                    Interlocked.Increment(ref attempts);
                    throw new InvalidOperationException("cannot handle this probe");
                });
            });
            // An operator's view of the error queue.
            cfg.ReceiveEndpoint("poison-probe_error", endpoint => endpoint.Handler<PoisonProbe>(context =>
            {
                errorQueue.TrySetResult(context.Message);
                return Task.CompletedTask;
            }));
            // The Fault<T> MassTransit publishes carries the exception.
            cfg.ReceiveEndpoint("poison-probe-faults", endpoint => endpoint.Handler<Fault<PoisonProbe>>(context =>
            {
                fault.TrySetResult(context.Message);
                return Task.CompletedTask;
            }));
        });
        await bus.StartAsync();
        try
        {
            var probe = new PoisonProbe(Guid.NewGuid());
            await bus.Publish(probe);

            Assert.Equal(probe, await errorQueue.Task.WaitAsync(TimeSpan.FromSeconds(60)));
            var published = await fault.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(probe, published.Message);
            Assert.Equal("cannot handle this probe", Assert.Single(published.Exceptions).Message);
            Assert.Equal(6, Volatile.Read(ref attempts)); // the first delivery and five retries
            Assert.Equal([(1L, "poison-probe")], faults.ToArray());
            var line = Assert.Single(logs.Lines, l => l.Level == LogLevel.Error);
            Assert.Contains("poison-probe_error", line.Message);
            Assert.Contains(nameof(PoisonProbe), line.Message);
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}

sealed class ListLoggerProvider : ILoggerProvider
{
    readonly ConcurrentQueue<(LogLevel Level, string Message)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Lines => _lines.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(_lines);

    public void Dispose() { }

    sealed class Logger(ConcurrentQueue<(LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue((logLevel, formatter(state, exception)));
    }
}
