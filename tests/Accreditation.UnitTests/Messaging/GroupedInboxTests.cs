using System.Data.Common;
using Accreditation.Contracts;
using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.Notifications.Messaging;
using Accreditation.ServiceDefaults.Hosting;
using Accreditation.ServiceDefaults.Messaging;
using Accreditation.UnitTests.Databases;
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
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Decisions_published_together_are_committed_in_a_few_transactions_each_with_its_notice_once()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        var commits = new Commits();
        await using var system = await GroupedSystem.StartAsync(database, commits);
        var decisions = Enumerable.Range(0, 300).Select(i => (Id: Guid.NewGuid(), Event: Decided($"Organization {i}"))).ToList();
        // The first message's commit waits until all are published, as when a window's decisions
        // arrive faster than they are written; how many groups follow must not depend on the
        // machine's speed (a fast consumer would otherwise keep up and commit one by one).
        var first = commits.HoldOne(after: 0);

        var published = new List<PublishedEvent>();
        foreach (var (id, decided) in decisions)
            published.Add(await system.Bus.PublishAsync(decided, typeof(ApplicationDecided), id, CancellationToken.None));
        await first.Reached.WaitAsync(Patience);
        first.Release();
        await Task.WhenAll(published.Select(p => p.Delivered)).WaitAsync(Patience);
        // One of them again, as after a crash between commit and acknowledgement.
        var again = await system.Bus.PublishAsync(decisions[7].Event, typeof(ApplicationDecided), decisions[7].Id, CancellationToken.None);
        await again.Delivered.WaitAsync(Patience);

        await using var db = database.Open();
        var ids = decisions.Select(d => d.Id).ToList();
        var perMessage = NoticePlanner.For(decisions[0].Event).Count;
        Assert.Equal(300 * perMessage, await db.Notices.CountAsync(n => ids.Contains(n.SourceMessageId)));
        Assert.Equal(perMessage, await db.Notices.CountAsync(n => n.SourceMessageId == decisions[7].Id));
        Assert.Equal(300, await db.Set<InboxMessage>().CountAsync(m => ids.Contains(m.MessageId)));
        Assert.True(commits.Committed < 300 / 4, $"{commits.Committed} transactions committed for 300 messages");
    }

    [Fact]
    public async Task A_message_that_fails_in_a_group_fails_alone_and_the_others_of_its_group_commit()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        await using var system = await GroupedSystem.StartAsync(database, new Commits());
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

    [Fact]
    public async Task No_message_of_a_group_is_answered_to_its_consumer_before_the_groups_transaction_commits()
    {
        await using var held = await HeldGroup.StartAsync();
        var ids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        var grouped = ids.Select((id, i) => held.HandleAsync(Decided($"Organization {i}"), id)).ToList();
        var together = held.Commits.HoldOne(after: 0);
        await held.ReleaseFirstAsync();
        await together.Reached.WaitAsync(Patience);

        Assert.All(grouped, g => Assert.False(g.IsCompleted));
        together.Release();
        Assert.All(await Task.WhenAll(grouped).WaitAsync(Patience), Assert.True);
        Assert.Equal(2, held.Commits.Committed);
        await using var db = held.Database.Open();
        Assert.Equal(20, await db.Set<InboxMessage>().CountAsync(m => ids.Contains(m.MessageId)));
    }

    [Fact]
    public async Task A_group_whose_commit_fails_commits_each_message_alone_once_and_a_second_delivery_in_the_group_is_ignored()
    {
        await using var held = await HeldGroup.StartAsync();
        var decisions = Enumerable.Range(0, 10).Select(i => (Id: Guid.NewGuid(), Event: Decided($"Organization {i}"))).ToList();
        var grouped = decisions.Select(d => held.HandleAsync(d.Event, d.Id)).ToList();
        // The same message again in the same group, as a redelivery racing the first delivery.
        var again = held.HandleAsync(decisions[4].Event, decisions[4].Id);
        // The first message's commit is already under way: the next one is the group's.
        held.Commits.FailOne(after: 0);
        await held.ReleaseFirstAsync();

        Assert.All(await Task.WhenAll(grouped).WaitAsync(Patience), Assert.True);
        Assert.False(await again.WaitAsync(Patience));
        Assert.Equal(1, held.Commits.Failed);
        await using var db = held.Database.Open();
        var ids = decisions.Select(d => d.Id).ToList();
        var perMessage = NoticePlanner.For(decisions[0].Event).Count;
        Assert.Equal(10, await db.Set<InboxMessage>().CountAsync(m => ids.Contains(m.MessageId)));
        Assert.Equal(10 * perMessage, await db.Notices.CountAsync(n => ids.Contains(n.SourceMessageId)));
    }

    [Fact]
    public async Task A_message_whose_consumer_gave_up_in_a_group_is_committed_once_and_its_redelivery_is_a_duplicate()
    {
        await using var held = await HeldGroup.StartAsync();
        var (id, decided) = (Guid.NewGuid(), Decided("Organization whose consumer stops"));
        using var stopping = new CancellationTokenSource();
        var abandoned = held.HandleAsync(decided, id, stopping.Token);
        var other = held.HandleAsync(Decided("Organization beside it"), Guid.NewGuid());
        await stopping.CancelAsync();
        await held.ReleaseFirstAsync();

        // Not acknowledged: the transport delivers it again.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned.WaitAsync(Patience));
        Assert.True(await other.WaitAsync(Patience));
        Assert.False(await held.HandleAsync(decided, id).WaitAsync(Patience));
        await using var db = held.Database.Open();
        Assert.Equal(1, await db.Set<InboxMessage>().CountAsync(m => m.MessageId == id));
        Assert.Equal(NoticePlanner.For(decided).Count, await db.Notices.CountAsync(n => n.SourceMessageId == id));
    }

    [Fact]
    public async Task A_group_writes_each_decision_in_its_organizations_first_members_language_and_e_mails_each_member_who_had_joined()
    {
        var (french, silent) = (Guid.NewGuid(), Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        await using var held = await HeldGroup.StartAsync(async db =>
        {
            await AddMemberAsync(db, french, "premier@ong.example", "fr", now.AddDays(-2));
            await AddMemberAsync(db, french, "segunda@ong.example", "es", now.AddDays(-1));
            await AddMemberAsync(db, french, "later@ong.example", "en", now.AddDays(1)); // joins after the notice
        }, emailOn: true);
        var decisions = new[] { Decided("Organization francophone", french), Decided("Organization without members", silent) };
        var grouped = decisions.Select(d => held.HandleAsync(d, Guid.NewGuid())).ToList();
        await held.ReleaseFirstAsync();
        Assert.All(await Task.WhenAll(grouped).WaitAsync(Patience), Assert.True);

        Assert.Equal(2, held.Commits.Committed); // the first alone, then these two as one group
        await using var db = held.Database.Open();
        var toFrench = await db.Notices.SingleAsync(n => n.OrganizationId == french);
        Assert.Equal("fr", toFrench.Language);
        Assert.Equal(new[] { "premier@ong.example:fr", "segunda@ong.example:es" },
            (await db.Deliveries.Where(d => d.NoticeId == toFrench.Id).ToListAsync()).Select(d => $"{d.Address}:{d.Language}").Order());
        var toSilent = await db.Notices.SingleAsync(n => n.OrganizationId == silent);
        Assert.Equal(NoticeTemplates.DefaultLanguage, toSilent.Language);
        Assert.False(await db.Deliveries.AnyAsync(d => d.NoticeId == toSilent.Id));
    }

    [Fact]
    public async Task A_decision_whose_notices_are_stored_already_adds_none_and_its_group_still_commits_in_one_transaction()
    {
        // As after a run outside the inbox: the notices are stored, the message is not in the inbox.
        var (storedId, stored) = (Guid.NewGuid(), Decided("Organization noticed before"));
        await using var held = await HeldGroup.StartAsync(async db =>
        {
            await NotificationsParts.Writer(db, TimeProvider.System).AddAsync(NoticePlanner.For(stored), new EventContext(storedId, null), CancellationToken.None);
            await db.SaveChangesAsync();
        });
        var others = Enumerable.Range(0, 5).Select(i => (Id: Guid.NewGuid(), Event: Decided($"Organization {i}"))).ToList();
        var grouped = others.Prepend((Id: storedId, Event: stored)).Select(d => held.HandleAsync(d.Event, d.Id)).ToList();
        await held.ReleaseFirstAsync();
        Assert.All(await Task.WhenAll(grouped).WaitAsync(Patience), Assert.True);

        // A second notice would break the unique index and send every message of the group alone.
        Assert.Equal((2, 0), (held.Commits.Committed, held.Commits.Failed));
        await using var db = held.Database.Open();
        var perMessage = NoticePlanner.For(stored).Count;
        Assert.Equal(perMessage, await db.Notices.CountAsync(n => n.SourceMessageId == storedId));
        var ids = others.Select(o => o.Id).ToList();
        Assert.Equal(5 * perMessage, await db.Notices.CountAsync(n => ids.Contains(n.SourceMessageId)));
        Assert.Equal(1, await db.Set<InboxMessage>().CountAsync(m => m.MessageId == storedId));
    }

    [Fact]
    public async Task Screenings_committed_in_one_group_take_every_stored_application_off_the_screening_queue()
    {
        // The screenings change entries the group loads from the database (not ones it added):
        // their changes must be found although the group does not detect changes at each look-up.
        await using var database = await NotificationsDatabase.CreateAsync();
        var commits = new Commits();
        await using var provider = Services(database, commits)
            .AddScoped<ApplicationSubmittedHandler>().AddScoped<ApplicationScreenedHandler>()
            .BuildServiceProvider(validateScopes: true);
        var submitted = new InboxGroup<ApplicationSubmitted, NotificationsDb, ApplicationSubmittedHandler>(provider, EventHandlers<NotificationsDb>.GroupedConcurrency);
        var screened = new InboxGroup<ApplicationScreened, NotificationsDb, ApplicationScreenedHandler>(provider, EventHandlers<NotificationsDb>.GroupedConcurrency);
        var applications = Enumerable.Range(0, 30).Select(i => (Id: Guid.NewGuid(), Organization: $"Organization {i}")).ToList();
        foreach (var (id, organization) in applications)
            Assert.True(await submitted.HandleAsync(new ApplicationSubmitted(id, Guid.NewGuid(), organization, Guid.NewGuid(), "Working Group on Smuggling of Migrants, ninth session", At),
                new EventContext(Guid.NewGuid(), null), CancellationToken.None));
        await using (var db = database.Open())
            Assert.Equal(30, await db.ScreeningEntries.CountAsync(e => e.Waiting));

        // The first screening commits alone and is held in its COMMIT; the other 29 meanwhile make one group.
        var committedBefore = commits.Committed;
        var first = commits.HoldOne(after: 0);
        var handled = new List<Task<bool>> { Screen(applications[0]) };
        await first.Reached.WaitAsync(Patience);
        handled.AddRange(applications.Skip(1).Select(Screen));
        first.Release();
        Assert.All(await Task.WhenAll(handled).WaitAsync(Patience), Assert.True);

        await using var check = database.Open();
        Assert.Equal(0, await check.ScreeningEntries.CountAsync(e => e.Waiting));
        Assert.Equal(30, await check.ScreeningEntries.CountAsync());
        Assert.Equal(2, commits.Committed - committedBefore);

        Task<bool> Screen((Guid Id, string Organization) application) => screened.HandleAsync(
            new ApplicationScreened(application.Id, Guid.NewGuid(), application.Organization, Guid.NewGuid(), "Working Group on Smuggling of Migrants, ninth session", true, null, At.AddHours(1)),
            new EventContext(Guid.NewGuid(), null), CancellationToken.None);
    }

    static ApplicationDecided Decided(string organization, Guid? organizationId = null) =>
        new(Guid.NewGuid(), organizationId ?? Guid.NewGuid(), organization, Guid.NewGuid(), "Working Group on Smuggling of Migrants, ninth session",
            "Admitted", "No objection stood at the deadline", false, false, At);

    /// <summary>Notifications' decision handler, refusing one organization's decision every time.</summary>
    sealed class RefusingHandler(ApplicationDecidedHandler inner) : IGroupEventHandler<ApplicationDecided>
    {
        public const string Refused = "Organization the handler refuses";

        public Task PrepareAsync(IReadOnlyList<EventInGroup<ApplicationDecided>> group, CancellationToken ct) => inner.PrepareAsync(group, ct);

        public Task HandleAsync(ApplicationDecided message, EventContext context, CancellationToken ct) =>
            message.OrganizationName == Refused
                ? throw new InvalidOperationException($"{Refused}: refused")
                : inner.HandleAsync(message, context, ct);
    }

    /// <summary>Notifications' decision handler and what it needs, on the test's database.</summary>
    static IServiceCollection Services(NotificationsDatabase database, Commits commits) => NotificationsParts.Services(database.ConnectionString, commits)
        .AddLogging()
        .AddScoped<ApplicationDecidedHandler>();

    static async Task AddMemberAsync(NotificationsDb db, Guid organizationId, string email, string language, DateTimeOffset addedAt)
    {
        var subject = Guid.NewGuid().ToString();
        db.Accounts.Add(new Account(subject, email, email, language, addedAt));
        db.OrganizationMembers.Add(new OrganizationMember(organizationId, subject, "Organization", addedAt));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Notifications' decision consumer's group alone (no bus), its first message committing alone
    /// and held in its COMMIT, so the messages handed to it meanwhile make one group.
    /// </summary>
    sealed class HeldGroup : IAsyncDisposable
    {
        HeldGroup(NotificationsDatabase database, Commits commits, ServiceProvider provider, Hold alone) =>
            (Database, Commits, _provider, _alone) = (database, commits, provider, alone);

        readonly ServiceProvider _provider;
        readonly Hold _alone;
        InboxGroup<ApplicationDecided, NotificationsDb, ApplicationDecidedHandler>? _group;
        Task<bool> _first = Task.FromResult(false);

        public NotificationsDatabase Database { get; }
        public Commits Commits { get; }

        /// <param name="seed">What the database holds before the first message (members, notices).</param>
        public static async Task<HeldGroup> StartAsync(Func<NotificationsDb, Task>? seed = null, bool emailOn = false)
        {
            var database = await NotificationsDatabase.CreateAsync();
            if (seed is not null)
            {
                await using var db = database.Open();
                await seed(db);
            }
            var commits = new Commits();
            var services = Services(database, commits);
            if (emailOn)
                services.AddSingleton(NotificationsParts.EmailOn);
            var provider = services.BuildServiceProvider(validateScopes: true);
            var held = new HeldGroup(database, commits, provider, commits.HoldOne(after: 0));
            held._group = new InboxGroup<ApplicationDecided, NotificationsDb, ApplicationDecidedHandler>(provider, EventHandlers<NotificationsDb>.GroupedConcurrency);
            held._first = held.HandleAsync(Decided("Organization first"), Guid.NewGuid());
            await held._alone.Reached.WaitAsync(Patience);
            return held;
        }

        public Task<bool> HandleAsync(ApplicationDecided decided, Guid messageId, CancellationToken ct = default) =>
            _group!.HandleAsync(decided, new EventContext(messageId, null), ct);

        /// <summary>Lets the first message's commit go on; what was handed over meanwhile is the next group.</summary>
        public async Task ReleaseFirstAsync()
        {
            _alone.Release();
            Assert.True(await _first.WaitAsync(Patience));
        }

        public async ValueTask DisposeAsync()
        {
            await _provider.DisposeAsync();
            await Database.DisposeAsync();
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

        public static async Task<GroupedSystem> StartAsync(NotificationsDatabase database, Commits commits)
        {
            var bus = await SharedBus.StartAsync(CancellationToken.None);
            var services = Services(database, commits).AddSingleton<IConsumptionReceipts>(bus);
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
