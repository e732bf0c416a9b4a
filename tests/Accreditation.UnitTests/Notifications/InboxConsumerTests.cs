using Accreditation.Contracts;
using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.Notifications.Messaging;
using Accreditation.ServiceDefaults.Hosting;
using Accreditation.ServiceDefaults.Messaging;
using MassTransit.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.UnitTests.Notifications;

/// <summary>The whole consuming path: MassTransit's in-memory bus, the shared inbox consumer, the handler, SQLite.</summary>
public sealed class InboxConsumerTests
{
    [Fact]
    public async Task A_redelivered_event_has_no_second_effect()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        var services = NotificationsParts.Services(database.ConnectionString)
            .AddScoped<ApplicationSubmittedHandler>()
            .AddMassTransitTestHarness(bus => bus.AddConsumer<InboxConsumer<ApplicationSubmitted, NotificationsDb, ApplicationSubmittedHandler>>());
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        // The harness lists a message id once; count the deliveries themselves.
        var deliveries = new DeliveryCounter(expected: 2);
        using var observing = harness.Bus.ConnectConsumeObserver(deliveries);
        try
        {
            var messageId = Guid.NewGuid();
            for (var delivery = 0; delivery < 2; delivery++)
                await harness.Bus.Publish(SampleEvents.Submitted(), context => context.MessageId = messageId);

            await deliveries.All.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, deliveries.Faults);

            await using var db = database.Open();
            Assert.Equal(2, await db.Notices.CountAsync(n => n.SourceMessageId == messageId)); // organization + secretariat, once
            Assert.Equal(1, await db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId));
        }
        finally
        {
            await harness.Stop();
        }
    }
}

/// <summary>Counts consumed deliveries (a fault counts too, so a failing consumer does not hang the test).</summary>
sealed class DeliveryCounter(int expected) : IConsumeObserver
{
    readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int _done;
    int _faults;

    public Task All => _all.Task;
    public int Faults => Volatile.Read(ref _faults);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Count();

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        Interlocked.Increment(ref _faults);
        return Count();
    }

    Task Count()
    {
        if (Interlocked.Increment(ref _done) >= expected)
            _all.TrySetResult();
        return Task.CompletedTask;
    }
}
