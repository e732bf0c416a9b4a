using Accreditation.Contracts;
using Accreditation.Registration.Data;
using Accreditation.ServiceDefaults.Hosting;
using Accreditation.ServiceDefaults.Messaging;
using Accreditation.UnitTests.Registration.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Accreditation.UnitTests.Messaging;

/// <summary>DESIGN.md section 6: what counts as delivered, and that a failed row is not overtaken.</summary>
public sealed class DeliveryOrderTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_row_whose_publish_failed_is_not_overtaken_by_a_later_row_of_the_same_application()
    {
        await using var database = await LedgerDatabase.CreateAsync();
        var application = Guid.NewGuid();
        var rows = await QueueAsync(database, application, "submitted", "screened", "withdrawn");
        var publisher = new RecordingPublisher(failFirst: rows[0]);
        var dispatcher = Dispatcher(database, publisher, TimeSpan.FromSeconds(5));

        Assert.Equal(0, await dispatcher.DispatchBatchAsync(CancellationToken.None));
        Assert.Equal([rows[0]], publisher.Published);
        Assert.Equal(new[] { false, false, false }, await SentAsync(database, rows));

        await MakeDueAsync(database);
        await dispatcher.DispatchBatchAsync(CancellationToken.None);
        Assert.Equal([rows[0], rows[0], rows[1], rows[2]], publisher.Published);
        Assert.Equal(new[] { true, true, true }, await SentAsync(database, rows));
    }

    [Fact]
    public async Task A_row_its_consumers_have_not_committed_stays_pending_and_so_do_the_rows_after_it()
    {
        await using var database = await LedgerDatabase.CreateAsync();
        var rows = await QueueAsync(database, Guid.NewGuid(), "first", "second");
        var publisher = new RecordingPublisher(neverDelivered: rows[0]);

        await Dispatcher(database, publisher, TimeSpan.FromMilliseconds(200)).DispatchBatchAsync(CancellationToken.None);

        Assert.Equal(new[] { false, false }, await SentAsync(database, rows));
        await using var db = database.Open();
        Assert.StartsWith("not consumed within", (await db.Set<OutboxMessage>().SingleAsync(m => m.MessageId == rows[0])).LastError);
    }

    [Fact]
    public async Task On_the_shared_bus_a_message_is_delivered_once_every_subscribed_consumer_has_committed_or_failed()
    {
        await using var bus = await SharedBus.StartAsync(CancellationToken.None);
        bus.Subscribe("objections", [(typeof(ApplicationWithdrawn), "ApplicationWithdrawnHandler")]);
        bus.Subscribe("notifications", [(typeof(ApplicationWithdrawn), "ApplicationWithdrawnHandler")]);
        bus.AllServicesConnected();
        var message = new ApplicationWithdrawn(Guid.NewGuid(), Guid.NewGuid(), "Org", Guid.NewGuid(), "Dialogue", "No longer able to attend", Now);

        var first = await bus.PublishAsync(message, typeof(ApplicationWithdrawn), Guid.NewGuid(), CancellationToken.None);
        var messageId = Guid.NewGuid();
        var second = await bus.PublishAsync(message, typeof(ApplicationWithdrawn), messageId, CancellationToken.None);
        bus.Consumed(messageId, "objections", "ApplicationWithdrawnHandler");
        Assert.False(second.Delivered.IsCompleted);
        bus.Failed(messageId, "notifications");
        await second.Delivered.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(first.Delivered.IsCompleted);

        // A type nobody consumes is delivered as soon as it is published.
        var unheard = await bus.PublishAsync(new LedgerTreeHeadSigned(1, "root", Now, "note"), typeof(LedgerTreeHeadSigned), Guid.NewGuid(), CancellationToken.None);
        Assert.True(unheard.Delivered.IsCompleted);
    }

    static OutboxDispatcher<RegistrationDb> Dispatcher(LedgerDatabase database, IEventPublisher publisher, TimeSpan timeout)
    {
        var services = new ServiceCollection().AddScoped(_ => database.Open()).BuildServiceProvider();
        return new OutboxDispatcher<RegistrationDb>(services.GetRequiredService<IServiceScopeFactory>(), publisher, new OutboxSignal(),
            Options.Create(new OutboxOptions { DeliveryTimeout = timeout }), new WallClock(), NullLogger<OutboxDispatcher<RegistrationDb>>.Instance);
    }

    static async Task<List<Guid>> QueueAsync(LedgerDatabase database, Guid application, params string[] reasons)
    {
        await using var db = database.Open();
        var rows = reasons.Select(reason => OutboxMessage.For(
            new ApplicationWithdrawn(application, Guid.NewGuid(), "Org", Guid.NewGuid(), "Dialogue", reason, Now), Now)).ToList();
        db.Set<OutboxMessage>().AddRange(rows);
        await db.SaveChangesAsync();
        return rows.Select(r => r.MessageId).ToList();
    }

    static async Task MakeDueAsync(LedgerDatabase database)
    {
        await using var db = database.Open();
        await db.Set<OutboxMessage>().ExecuteUpdateAsync(set => set.SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null));
    }

    static async Task<bool[]> SentAsync(LedgerDatabase database, List<Guid> rows)
    {
        await using var db = database.Open();
        var sent = await db.Set<OutboxMessage>().ToDictionaryAsync(m => m.MessageId, m => m.SentAt is not null);
        return rows.Select(r => sent[r]).ToArray();
    }

    sealed class RecordingPublisher(Guid? failFirst = null, Guid? neverDelivered = null) : IEventPublisher
    {
        bool _failed;

        public List<Guid> Published { get; } = [];

        public Task<PublishedEvent> PublishAsync(object message, Type messageType, Guid messageId, CancellationToken ct)
        {
            Published.Add(messageId);
            if (messageId == failFirst && !_failed)
            {
                _failed = true;
                throw new InvalidOperationException("the broker is unreachable");
            }
            return Task.FromResult(messageId == neverDelivered ? new PublishedEvent(new TaskCompletionSource().Task) : PublishedEvent.Durable);
        }
    }
}
