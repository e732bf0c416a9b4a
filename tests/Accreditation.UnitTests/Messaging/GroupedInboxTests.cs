using System.Data.Common;
using Accreditation.Contracts;
using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.Notifications.Messaging;
using Accreditation.ServiceDefaults.Hosting;
using Accreditation.ServiceDefaults.Messaging;
using Accreditation.UnitTests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.UnitTests.Messaging;

/// <summary>
/// Grouped inbox consumers on the standalone topology's shared bus, as Notifications consumes a
/// window's decisions: many messages per transaction, each with its own inbox row and outcome.
/// </summary>
public sealed class GroupedInboxTests
{
    const string Queue = "notifications";
    static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Decisions_published_together_are_committed_in_a_few_transactions_each_with_its_notice_once()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        var commits = new CommitCounter();
        await using var system = await GroupedSystem.StartAsync(database, commits);
        var decisions = Enumerable.Range(0, 300).Select(i => (Id: Guid.NewGuid(), Event: Decided($"Organization {i}"))).ToList();

        var published = new List<PublishedEvent>();
        foreach (var (id, decided) in decisions)
            published.Add(await system.Bus.PublishAsync(decided, typeof(ApplicationDecided), id, CancellationToken.None));
        await Task.WhenAll(published.Select(p => p.Delivered)).WaitAsync(TimeSpan.FromSeconds(60));
        // One of them again, as after a crash between commit and acknowledgement.
        var again = await system.Bus.PublishAsync(decisions[7].Event, typeof(ApplicationDecided), decisions[7].Id, CancellationToken.None);
        await again.Delivered.WaitAsync(TimeSpan.FromSeconds(60));

        await using var db = database.Open();
        var ids = decisions.Select(d => d.Id).ToList();
        var perMessage = NoticePlanner.For(decisions[0].Event).Count;
        Assert.Equal(300 * perMessage, await db.Notices.CountAsync(n => ids.Contains(n.SourceMessageId)));
        Assert.Equal(perMessage, await db.Notices.CountAsync(n => n.SourceMessageId == decisions[7].Id));
        Assert.Equal(300, await db.Set<InboxMessage>().CountAsync(m => ids.Contains(m.MessageId)));
        Assert.True(commits.Count < 300 / 4, $"{commits.Count} transactions committed for 300 messages");
    }

    [Fact]
    public async Task A_message_that_fails_in_a_group_fails_alone_and_the_others_of_its_group_commit()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        await using var system = await GroupedSystem.StartAsync(database, new CommitCounter());
        var decisions = Enumerable.Range(0, 40).Select(i => (Id: Guid.NewGuid(), Event: Decided(i == 13 ? RefusingHandler.Refused : $"Organization {i}"))).ToList();

        var published = new List<PublishedEvent>();
        foreach (var (id, decided) in decisions)
            published.Add(await system.Bus.PublishAsync(decided, typeof(ApplicationDecided), id, CancellationToken.None));
        await Task.WhenAll(published.Select(p => p.Delivered)).WaitAsync(TimeSpan.FromSeconds(90));

        await using var db = database.Open();
        var refused = decisions[13].Id;
        var others = decisions.Where(d => d.Id != refused).Select(d => d.Id).ToList();
        Assert.Equal(39, await db.Set<InboxMessage>().CountAsync(m => others.Contains(m.MessageId)));
        Assert.Equal(39 * NoticePlanner.For(decisions[0].Event).Count, await db.Notices.CountAsync(n => others.Contains(n.SourceMessageId)));
        Assert.False(await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == refused));
        Assert.False(await db.Notices.AnyAsync(n => n.SourceMessageId == refused));
        var failed = await db.Set<FailedMessage>().SingleAsync();
        Assert.Equal(refused, failed.MessageId);
        Assert.Contains(RefusingHandler.Refused, failed.Error);
    }

    static ApplicationDecided Decided(string organization) =>
        new(Guid.NewGuid(), Guid.NewGuid(), organization, Guid.NewGuid(), "Working Group on Smuggling of Migrants, ninth session",
            "Admitted", "No objection stood at the deadline", false, false, At);

    /// <summary>Notifications' decision handler, refusing one organization's decision every time.</summary>
    sealed class RefusingHandler(ApplicationDecidedHandler inner) : IEventHandler<ApplicationDecided>
    {
        public const string Refused = "Organization the handler refuses";

        public Task HandleAsync(ApplicationDecided message, EventContext context, CancellationToken ct) =>
            message.OrganizationName == Refused
                ? throw new InvalidOperationException($"{Refused}: refused")
                : inner.HandleAsync(message, context, ct);
    }

    sealed class CommitCounter : DbTransactionInterceptor
    {
        int _count;

        public int Count => Volatile.Read(ref _count);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }

    /// <summary>The shared bus with Notifications' queue connected the way the standalone host connects it.</summary>
    sealed class GroupedSystem : IAsyncDisposable
    {
        GroupedSystem(SharedBus bus, ServiceProvider provider, MassTransit.HostReceiveEndpointHandle endpoint) =>
            (Bus, _provider, _endpoint) = (bus, provider, endpoint);

        readonly ServiceProvider _provider;
        readonly MassTransit.HostReceiveEndpointHandle _endpoint;

        public SharedBus Bus { get; }

        public static async Task<GroupedSystem> StartAsync(NotificationsDatabase database, CommitCounter commits)
        {
            var bus = await SharedBus.StartAsync(CancellationToken.None);
            var services = new ServiceCollection()
                .AddLogging()
                .AddDbContext<NotificationsDb>(options => options.UseSqlite(database.ConnectionString).AddInterceptors(commits))
                .AddSingleton(TimeProvider.System)
                .AddSingleton<WallClock>()
                .AddSingleton<OutboxSignal>()
                .AddSingleton<IConsumptionReceipts>(bus)
                .AddSingleton(NoticeTemplates.Embedded)
                .AddSingleton(Accreditation.Notifications.Email.EmailSettings.Disabled)
                .AddSingleton(ConfiguredRecipients.Empty)
                .AddScoped<DeliveryPlanner>()
                .AddScoped<ScreeningQueue>()
                .AddScoped<NoticeWriter>()
                .AddScoped<ApplicationDecidedHandler>();
            var handlers = new EventHandlers<NotificationsDb>(services, Queue).OnGrouped<ApplicationDecided, RefusingHandler>();
            var provider = services.BuildServiceProvider(validateScopes: true);
            bus.Subscribe(Queue, handlers.Subscriptions);
            var endpoint = bus.Bus.ConnectReceiveEndpoint(Queue, e => handlers.ConnectTo(e, provider));
            await endpoint.Ready;
            bus.AllServicesConnected();
            return new GroupedSystem(bus, provider, endpoint);
        }

        public async ValueTask DisposeAsync()
        {
            await _endpoint.StopAsync(CancellationToken.None);
            await Bus.DisposeAsync();
            await _provider.DisposeAsync();
        }
    }
}
