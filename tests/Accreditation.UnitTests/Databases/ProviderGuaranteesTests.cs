using System.Collections.Concurrent;
using Accreditation.Contracts;
using Accreditation.Identity.Data;
using Accreditation.Notifications.Data;
using Inbox = Accreditation.Notifications.Data.Inbox;
using InboxAudience = Accreditation.Notifications.Domain.InboxAudience;
using NotificationsMember = Accreditation.Notifications.Domain.OrganizationMember;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.Objections.Data;
using Accreditation.Objections.Domain;
using Accreditation.Objections.Messaging;
using Accreditation.Registration.Data;
using Accreditation.Registration.Data.Ledger;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Hosting;
using Accreditation.ServiceDefaults.Messaging;
using Accreditation.Tests.Databases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using CirculatedApplicant = Accreditation.Objections.Domain.CirculatedApplicant;
using Accreditation.Objections.Background;

namespace Accreditation.UnitTests.Databases;

/// <summary>
/// What DESIGN.md sections 2, 5 and 6 promise of the data, checked on each provider with the
/// services' own code: duplicates, write conflicts and their retry, serialized units of work, the
/// outbox dispatched once and in order by two replicas, one ledger chain from two appenders, the
/// append-only rule, a window closed once by racing closers, migrations from an empty database.
/// </summary>
public abstract class ProviderGuaranteesTests<TDatabases>(TDatabases databases) : IClassFixture<TDatabases>
    where TDatabases : ProviderDatabases
{
    static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>A real refusal of a write to a concurrent writer, as the provider raises it.</summary>
    protected abstract Task<Exception> WriteConflictAsync(RegistrationDb db);

    [Fact]
    public async Task Every_service_migrates_an_empty_database_with_its_providers_own_migrations()
    {
        foreach (var replica in new[]
                 {
                     await databases.ReplicaAsync<RegistrationDb, PostgreSqlRegistrationDb>("registration"),
                     await databases.ReplicaAsync<ObjectionsDb, PostgreSqlObjectionsDb>("objections"),
                     await databases.ReplicaAsync<NotificationsDb, PostgreSqlNotificationsDb>("notifications"),
                     await databases.ReplicaAsync<IdentityDb, PostgreSqlIdentityDb>("identity"),
                 })
        {
            foreach (var type in new[] { typeof(RegistrationDb), typeof(ObjectionsDb), typeof(NotificationsDb), typeof(IdentityDb) })
            {
                if (replica.GetService(type) is not DbContext db)
                    continue;
                await using var _ = db;
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
                Assert.Equal(databases.Provider == DatabaseProvider.PostgreSql, db.GetType().Name.StartsWith("PostgreSql", StringComparison.Ordinal));
                Assert.False(db.Database.HasPendingModelChanges());
            }
        }
    }

    [Fact]
    public async Task Notices_written_before_the_organization_column_stay_in_their_members_inboxes_after_the_migration()
    {
        var replica = await databases.ReplicaAsync<NotificationsDb, PostgreSqlNotificationsDb>("noticesupgrade");
        var (ours, theirs) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var db = ProviderDatabases.Open<NotificationsDb>(replica))
        {
            await db.GetService<IMigrator>().MigrateAsync("OutboxTraceContext");
            db.OrganizationMembers.Add(new NotificationsMember(ours, "member-1", "Ours", Now));
            await db.SaveChangesAsync();
            var at = Now.UtcDateTime;
            foreach (var (organization, readAt) in new[] { (ours, (DateTime?)null), (ours, at), (theirs, (DateTime?)null) })
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "Notices" ("Id", "Kind", "Recipient", "Language", "Subject", "Body", "SourceMessageId", "CreatedAt", "Values", "ReadAt")
                    VALUES ({Guid.NewGuid()}, {"application-received"}, {"organization:" + organization.ToString("D")}, {"en"}, {"Received"}, {"Body"}, {Guid.NewGuid()}, {at}, {"{}"}, {readAt})
                    """);
            await db.Database.MigrateAsync();
        }

        await using var check = ProviderDatabases.Open<NotificationsDb>(replica);
        var inbox = new Inbox(check, new FakeTimeProvider(Now));
        var member = InboxAudience.For(new Caller("member-1", Roles.Organization, null));
        Assert.Equal(1, await inbox.UnreadCountAsync(member, CancellationToken.None));
        var listed = await inbox.ListAsync(member, unreadOnly: false, 0, 10, CancellationToken.None);
        Assert.Equal([ours, ours], listed.Select(e => e.Notice.OrganizationId!.Value));
        Assert.Equal(2, await check.Notices.CountAsync(n => n.OrganizationId == ours));
        Assert.Equal(1, await check.Notices.CountAsync(n => n.OrganizationId == theirs));
    }

    [Fact]
    public async Task A_second_row_with_the_same_unique_key_is_a_unique_violation_answered_as_already_exists()
    {
        var replica = await RegistrationAsync();
        var messageId = Guid.NewGuid();
        await StoreInboxRowAsync(replica, messageId, "c");
        await using var second = ProviderDatabases.Open<RegistrationDb>(replica);
        second.Set<InboxMessage>().Add(new InboxMessage { MessageId = messageId, Consumer = "c", ProcessedAt = Now });

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());

        Assert.True(UniqueViolation.Is(refused));
        Assert.Equal((int)Grpc.Core.StatusCode.AlreadyExists, RichStatus.From(refused, "accreditation.registration")!.Code);
        await using var third = ProviderDatabases.Open<RegistrationDb>(replica);
        third.Set<InboxMessage>().Add(new InboxMessage { MessageId = messageId, Consumer = "c", ProcessedAt = Now });
        await Assert.ThrowsAsync<AlreadyExistsException>(() => third.SaveOrAlreadyExistsAsync(new AlreadyExistsException("It exists."), CancellationToken.None));
    }

    [Fact]
    public async Task Keys_of_rows_created_later_sort_after_earlier_ones_in_the_database_so_inserts_append()
    {
        // A database of its own: the class's other tests queue rows of their own.
        var replica = await MigratedAsync<RegistrationDb, PostgreSqlRegistrationDb>("rowids");
        // A millisecond apart, queued out of order: the database's own order of the keys is the creation order.
        var times = Enumerable.Range(0, 50).Select(i => Now.AddMilliseconds(i)).ToList();
        await using (var db = ProviderDatabases.Open<RegistrationDb>(replica))
        {
            foreach (var at in times.OrderBy(_ => Random.Shared.Next()))
                db.Enqueue(Withdrawn($"at {at:O}"), at);
            await db.SaveChangesAsync();
        }

        await using var check = ProviderDatabases.Open<RegistrationDb>(replica);
        var byKey = await check.Set<OutboxMessage>().OrderBy(m => m.MessageId).Select(m => m.CreatedAt).ToListAsync();
        Assert.Equal(times, byKey);
    }

    [Fact]
    public async Task A_foreign_key_refusal_is_not_taken_for_a_duplicate()
    {
        await using var db = ProviderDatabases.Open<RegistrationDb>(await RegistrationAsync());
        db.OrganizationMembers.Add(new OrganizationMember(Guid.NewGuid(), "nobody", Now));

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.False(UniqueViolation.Is(refused));
        Assert.False(WriteConflict.Is(refused));
    }

    [Fact]
    public async Task A_write_refused_to_a_concurrent_writer_is_a_write_conflict_and_the_unit_of_work_is_redone_whole()
    {
        var replica = await RegistrationAsync();
        await using var db = ProviderDatabases.Open<RegistrationDb>(replica);
        var messageId = Guid.NewGuid();
        var attempts = 0;

        await db.RetryOnBusyAsync(async ct =>
        {
            attempts++;
            db.Set<InboxMessage>().Add(new InboxMessage { MessageId = messageId, Consumer = "retried", ProcessedAt = Now });
            if (attempts == 1)
            {
                var conflict = await WriteConflictAsync(db);
                Assert.True(WriteConflict.Is(conflict), conflict.ToString());
                throw conflict;
            }
            await db.SaveChangesAsync(ct);
        }, CancellationToken.None);

        Assert.Equal(2, attempts);
        await using var check = ProviderDatabases.Open<RegistrationDb>(replica);
        Assert.Equal(1, await check.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId));
    }

    [Fact]
    public async Task Units_of_work_of_two_replicas_reading_then_writing_one_row_lose_no_update()
    {
        var (first, second) = (await RegistrationAsync(), await RegistrationAsync());
        var row = OutboxMessage.For(Withdrawn("counter"), Now);
        await using (var db = ProviderDatabases.Open<RegistrationDb>(first))
        {
            db.Set<OutboxMessage>().Add(row);
            await db.SaveChangesAsync();
        }

        async Task IncrementAsync(IServiceProvider replica)
        {
            for (var i = 0; i < 15; i++)
            {
                await using var db = ProviderDatabases.Open<RegistrationDb>(replica);
                await db.RetryInTransactionAsync(async ct =>
                {
                    var counter = await db.Set<OutboxMessage>().SingleAsync(m => m.MessageId == row.MessageId, ct);
                    counter.Attempts++;
                    await db.SaveChangesAsync(ct);
                    return true;
                }, CancellationToken.None);
            }
        }
        await Task.WhenAll(Task.Run(() => IncrementAsync(first)), Task.Run(() => IncrementAsync(second)));

        await using var check = ProviderDatabases.Open<RegistrationDb>(first);
        Assert.Equal(30, (await check.Set<OutboxMessage>().SingleAsync(m => m.MessageId == row.MessageId)).Attempts);
    }

    [Fact]
    public async Task Two_replicas_dispatching_one_outbox_publish_every_row_once_in_commit_order()
    {
        var (first, second) = (await RegistrationAsync(), await RegistrationAsync());
        List<Guid> rows;
        await using (var db = ProviderDatabases.Open<RegistrationDb>(first))
        {
            await db.Set<OutboxMessage>().Where(m => m.SentAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, Now));
            // More than two of the dispatcher's batches (500): the replicas hand the claim over between batches.
            var queued = Enumerable.Range(0, 1_200).Select(i => OutboxMessage.For(Withdrawn($"row {i}"), Now)).ToList();
            db.Set<OutboxMessage>().AddRange(queued);
            await db.SaveChangesAsync();
            rows = queued.Select(r => r.MessageId).ToList();
        }
        var publisher = new RecordingPublisher();

        async Task DispatchUntilDrainedAsync(IServiceProvider replica)
        {
            var dispatcher = new OutboxDispatcher<RegistrationDb>(replica.GetRequiredService<IServiceScopeFactory>(), publisher, new OutboxSignal(),
                Options.Create(new OutboxOptions { DeliveryTimeout = TimeSpan.FromSeconds(10) }), new WallClock(), NullLogger<OutboxDispatcher<RegistrationDb>>.Instance);
            var deadline = DateTime.UtcNow + Patience;
            while (DateTime.UtcNow < deadline)
            {
                await dispatcher.DispatchBatchAsync(CancellationToken.None);
                await using var db = ProviderDatabases.Open<RegistrationDb>(replica);
                if (!await db.Set<OutboxMessage>().AnyAsync(m => m.SentAt == null))
                    return;
            }
            throw new TimeoutException("The outbox did not drain.");
        }
        await Task.WhenAll(Task.Run(() => DispatchUntilDrainedAsync(first)), Task.Run(() => DispatchUntilDrainedAsync(second)));

        Assert.Equal(rows, publisher.Published);
    }

    [Fact]
    public async Task Two_replicas_appending_at_once_make_one_chain_that_verifies()
    {
        var (first, second) = (await RegistrationAsync(), await RegistrationAsync());
        await using (var db = ProviderDatabases.Open<RegistrationDb>(first))
            await LedgerTree.RepairAsync(db, CancellationToken.None);
        long before;
        await using (var db = ProviderDatabases.Open<RegistrationDb>(first))
            before = await db.LedgerEntries.CountAsync();

        async Task AppendAsync(IServiceProvider replica, string who)
        {
            for (var i = 0; i < 20; i++)
            {
                await using var db = ProviderDatabases.Open<RegistrationDb>(replica);
                await db.RetryInTransactionAsync(async ct =>
                {
                    await db.AppendAsync(Fact($"{who} {i}"), ct);
                    await db.SaveChangesAsync(ct);
                    return true;
                }, CancellationToken.None);
            }
        }
        await Task.WhenAll(Task.Run(() => AppendAsync(first, "first")), Task.Run(() => AppendAsync(second, "second")));

        await using var check = ProviderDatabases.Open<RegistrationDb>(first);
        var sequences = await check.LedgerEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, (int)before + 40).Select(i => (long)i), sequences);
        var verification = await check.VerifyLedgerAsync([], CancellationToken.None);
        Assert.True(verification.Ok, verification.Message);
        Assert.Equal(before + 40, verification.Count);
        // The Merkle tree the appenders built with the chain proves an early entry in the whole log.
        var proof = await LedgerTree.InclusionAsync(check, 0, before + 40, CancellationToken.None);
        var earliest = await check.LedgerEntries.SingleAsync(e => e.Sequence == 1);
        var root = await LedgerTree.RootAsync(check, before + 40, CancellationToken.None);
        Assert.True(Accreditation.Transparency.Merkle.VerifyInclusion(0, before + 40, earliest.LeafHash(), proof.AuditPath, root));
    }

    [Fact]
    public async Task Units_of_work_committed_together_answer_each_caller_alone_and_keep_one_chain()
    {
        var replica = await RegistrationAsync();
        await using (var db = ProviderDatabases.Open<RegistrationDb>(replica))
            await LedgerTree.RepairAsync(db, CancellationToken.None);
        long before;
        await using (var db = ProviderDatabases.Open<RegistrationDb>(replica))
            before = await db.LedgerEntries.CountAsync();
        var taken = Guid.NewGuid();
        await StoreInboxRowAsync(replica, taken, "grouped");
        var group = new GroupCommit<RegistrationDb>(replica.GetRequiredService<IServiceScopeFactory>());

        // Thirty units at once: every tenth one's inbox row is a duplicate, which only that unit's caller hears of.
        var units = Enumerable.Range(0, 30).Select(i => Task.Run(() => group.RunAsync(async (db, ct) =>
        {
            var entry = await db.AppendAsync(Fact($"grouped {i}"), ct);
            db.Set<InboxMessage>().Add(new InboxMessage { MessageId = i % 10 == 3 ? taken : Guid.NewGuid(), Consumer = "grouped", ProcessedAt = Now });
            await db.SaveOrAlreadyExistsAsync(new AlreadyExistsException($"unit {i}: taken"), ct);
            return entry.Sequence;
        }, CancellationToken.None))).ToList();
        await Task.WhenAll(units.Select(u => u.ContinueWith(_ => { }, TaskScheduler.Default)));

        var refused = units.Where(u => u.IsFaulted).Select(u => Assert.IsType<AlreadyExistsException>(u.Exception!.InnerException).Message).Order().ToList();
        Assert.Equal(["unit 13: taken", "unit 23: taken", "unit 3: taken"], refused);
        var sequences = units.Where(u => u.IsCompletedSuccessfully).Select(u => u.Result).Order().ToList();
        Assert.Equal(Enumerable.Range((int)before + 1, 27).Select(i => (long)i), sequences);
        await using var check = ProviderDatabases.Open<RegistrationDb>(replica);
        Assert.Equal(before + 27, await check.LedgerEntries.CountAsync());
        Assert.Empty(await check.LedgerEntries.Where(e => e.Reason == "grouped 3" || e.Reason == "grouped 13" || e.Reason == "grouped 23").ToListAsync());
        Assert.Equal(28, await check.Set<InboxMessage>().CountAsync(m => m.Consumer == "grouped"));
        var verification = await check.VerifyLedgerAsync([], CancellationToken.None);
        Assert.True(verification.Ok, verification.Message);
        var root = await LedgerTree.RootAsync(check, before + 27, CancellationToken.None);
        var last = await check.LedgerEntries.SingleAsync(e => e.Sequence == before + 27);
        var proof = await LedgerTree.InclusionAsync(check, before + 26, before + 27, CancellationToken.None);
        Assert.True(Accreditation.Transparency.Merkle.VerifyInclusion(before + 26, before + 27, last.LeafHash(), proof.AuditPath, root));
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_a_ledger_entry()
    {
        var replica = await RegistrationAsync();
        await using (var db = ProviderDatabases.Open<RegistrationDb>(replica))
            await db.RetryInTransactionAsync(async ct =>
            {
                await db.AppendAsync(Fact("kept as written"), ct);
                await db.SaveChangesAsync(ct);
                return true;
            }, CancellationToken.None);
        await using var raw = ProviderDatabases.Open<RegistrationDb>(replica);
        var count = await raw.LedgerEntries.CountAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => raw.Database.ExecuteSqlRawAsync("UPDATE \"LedgerEntries\" SET \"Reason\" = 'rewritten'"));
        await Assert.ThrowsAnyAsync<Exception>(() => raw.Database.ExecuteSqlRawAsync("DELETE FROM \"LedgerEntries\""));

        Assert.Equal(count, await raw.LedgerEntries.CountAsync());
        Assert.Equal(0, await raw.LedgerEntries.CountAsync(e => e.Reason == "rewritten"));
    }

    [Fact]
    public async Task A_ledger_entry_written_by_the_prepared_insert_reads_back_with_every_column_as_appended()
    {
        var replica = await RegistrationAsync();
        var fact = new LedgerFact(LedgerKinds.WindowClosed, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new Actor("objection-window", "system"),
            new DateTimeOffset(2026, 12, 1, 11, 30, 15, 123, TimeSpan.FromHours(2)), "Objection period closed with 1 standing objection(s)",
            "Circulated", "Admitted", new Dictionary<string, string> { ["standingObjections"] = "1", ["deadline"] = "2026-12-01T09:00:00Z" },
            CorrelationId: "message:" + Guid.NewGuid().ToString("N"));
        LedgerEntry appended = null!;
        await using (var db = ProviderDatabases.Open<RegistrationDb>(replica))
            await db.RetryInTransactionAsync(async ct =>
            {
                appended = await db.AppendAsync(fact, ct);
                await db.SaveChangesAsync(ct);
                return true;
            }, CancellationToken.None);

        await using var check = ProviderDatabases.Open<RegistrationDb>(replica);
        var read = await check.LedgerEntries.AsNoTracking().SingleAsync(e => e.Sequence == appended.Sequence);
        Assert.Equal((appended.Kind, appended.ApplicationId, appended.OrganizationId, appended.DialogueId, appended.ActorSubject, appended.ActorRole),
            (read.Kind, read.ApplicationId, read.OrganizationId, read.DialogueId, read.ActorSubject, read.ActorRole));
        Assert.Equal((appended.Reason, appended.StateBefore, appended.StateAfter, appended.Details, appended.CorrelationId, appended.PreviousHash, appended.Hash),
            (read.Reason, read.StateBefore, read.StateAfter, read.Details, read.CorrelationId, read.PreviousHash, read.Hash));
        Assert.Equal(fact.At, read.At);
        Assert.Equal(appended.LeafHash(), read.LeafHash());
        // Found by the columns EF filters on too: the stored values are the ones EF writes.
        Assert.Equal(1, await check.LedgerEntries.CountAsync(e => e.ApplicationId == fact.ApplicationId && e.At == fact.At && e.StateAfter == "Admitted"));
        var root = await LedgerTree.RootAsync(check, appended.Sequence, CancellationToken.None);
        var proof = await LedgerTree.InclusionAsync(check, appended.Sequence - 1, appended.Sequence, CancellationToken.None);
        Assert.True(Accreditation.Transparency.Merkle.VerifyInclusion(appended.Sequence - 1, appended.Sequence, read.LeafHash(), proof.AuditPath, root));
    }

    [Fact]
    public async Task A_save_refused_after_its_ledger_rows_were_written_leaves_none_of_them_and_the_next_save_writes_them_once()
    {
        var replica = await RegistrationAsync();
        var taken = Guid.NewGuid();
        await StoreInboxRowAsync(replica, taken, "refused-save");
        await using (var db = ProviderDatabases.Open<RegistrationDb>(replica))
        {
            await using var transaction = await db.Database.BeginWriteTransactionAsync(CancellationToken.None);
            await db.AppendAsync(Fact("refused, then saved"), CancellationToken.None);
            var duplicate = new InboxMessage { MessageId = taken, Consumer = "refused-save", ProcessedAt = Now };
            db.Set<InboxMessage>().Add(duplicate);

            var refusal = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.True(UniqueViolation.Is(refusal));
            // Inside the same transaction: the entry and its subtrees were written first, and undone with the rest.
            Assert.Equal(0, await db.LedgerEntries.AsNoTracking().CountAsync(e => e.Reason == "refused, then saved"));

            db.Entry(duplicate).State = EntityState.Detached;
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await using var check = ProviderDatabases.Open<RegistrationDb>(replica);
        Assert.Equal(1, await check.LedgerEntries.CountAsync(e => e.Reason == "refused, then saved"));
        var verification = await check.VerifyLedgerAsync([], CancellationToken.None);
        Assert.True(verification.Ok, verification.Message);
        var size = await check.LedgerEntries.CountAsync();
        Assert.Equal(size, await check.LedgerTreeNodes.CountAsync(n => n.Level == 0));
    }

    [Fact]
    public async Task Closers_of_two_replicas_racing_for_a_due_window_close_it_once_with_one_event()
    {
        var (first, second) = (await ObjectionsAsync(), await ObjectionsAsync());
        var clock = new FakeTimeProvider(Now);
        var circulation = new Circulation(Guid.NewGuid(), Guid.NewGuid(), "Dialogue", Now, Now.AddDays(14));
        circulation.Applicants.Add(new CirculatedApplicant(Guid.NewGuid(), circulation.Id, Guid.NewGuid(), "Applicant", "AP", "Ngo", "KEN", "None", ""));
        await using (var db = ProviderDatabases.Open<ObjectionsDb>(first))
        {
            db.Circulations.Add(circulation);
            await db.SaveChangesAsync();
        }
        clock.Advance(TimeSpan.FromDays(14));

        var closers = new[] { first, second, first, second }.Select(replica => Task.Run(async () =>
        {
            await using var db = ProviderDatabases.Open<ObjectionsDb>(replica);
            return await new ObjectionWindowCloser(db, clock, new OutboxSignal()).CloseDueWindowsAsync(CancellationToken.None);
        }));
        var closed = await Task.WhenAll(closers);

        Assert.Equal(1, closed.Sum());
        await using var check = ProviderDatabases.Open<ObjectionsDb>(first);
        var events = await check.Set<OutboxMessage>().Where(m => m.Type == typeof(ObjectionWindowClosed).FullName).ToListAsync();
        Assert.Single(events, m => m.Payload.Contains(circulation.Id.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.NotNull((await check.Circulations.SingleAsync(c => c.Id == circulation.Id)).ClosedAt);
    }

    [Fact]
    public async Task A_dialogues_figures_read_while_its_decisions_commit_agree_with_each_other()
    {
        // The reading replica's first query is followed, before its next one, by a window's decisions
        // committed by another replica: the figures count all of them decided, or none.
        var decisions = new CommitBetweenReads();
        var reader = await databases.ReplicaAsync<RegistrationDb, PostgreSqlRegistrationDb>("registration", o => o.AddInterceptors(decisions));
        var writer = await RegistrationAsync();
        var (member, officer) = (new Actor("user-1", "organization"), new Actor("officer-1", "officer"));
        var dialogue = Dialogue.Create("Working Group on Smuggling of Migrants", "ninth session", new DateOnly(2027, 7, 1), "Vienna",
            Now.AddDays(-1), Now.AddDays(30), 14, 40, new DialoguePolicy(CirculationPolicy.All, ObjectionEffect.Exclude, false, 2), Now);
        var applications = new List<Guid>();
        await using (var db = ProviderDatabases.Open<RegistrationDb>(writer))
        {
            if (db.Database.IsSqlite())
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;"); // as the service opens its file
            db.Add(dialogue);
            for (var i = 0; i < 3; i++)
            {
                var organization = Organization.Create($"Organization {i}", null, StakeholderCategory.Ngo, "KEN", EcosocStatus.None, null, [], member.Subject, Now);
                var application = Application.Submit(organization, dialogue, member, Now);
                application.Screen(true, null, officer, Now);
                application.Circulate(Guid.NewGuid(), Now.AddDays(14), officer, Now);
                db.AddRange(organization, application);
                applications.Add(application.Id);
            }
            await db.SaveWithLedgerAsync(CancellationToken.None);
        }
        decisions.Commit = async () =>
        {
            await using var db = ProviderDatabases.Open<RegistrationDb>(writer);
            foreach (var application in await db.Applications.Where(a => applications.Contains(a.Id)).ToListAsync())
                application.CloseObjectionWindow(0, ObjectionEffect.Exclude, Now.AddDays(14));
            await db.SaveWithLedgerAsync(CancellationToken.None);
        };

        await using (var db = ProviderDatabases.Open<RegistrationDb>(reader))
        {
            var during = await db.FiguresAsync(dialogue.Id, CancellationToken.None);
            Assert.True(decisions.Committed);
            Assert.Equal((3, 0, 0), (during.Applications, during.Admitted, during.Decided));
        }
        await using (var db = ProviderDatabases.Open<RegistrationDb>(reader))
        {
            var after = await db.FiguresAsync(dialogue.Id, CancellationToken.None);
            Assert.Equal((3, 3, 3), (after.Applications, after.Admitted, after.Decided));
        }
    }

    /// <summary>Runs <see cref="Commit"/> once, right after the first query of its contexts started reading.</summary>
    sealed class CommitBetweenReads : DbCommandInterceptor
    {
        public Func<Task>? Commit { get; set; }
        public bool Committed { get; private set; }

        public override async ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command,
            CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (Commit is { } commit && !Committed)
            {
                Committed = true;
                await commit();
            }
            return result;
        }
    }

    async Task<IServiceProvider> RegistrationAsync() => await MigratedAsync<RegistrationDb, PostgreSqlRegistrationDb>("registration");

    async Task<IServiceProvider> ObjectionsAsync() => await MigratedAsync<ObjectionsDb, PostgreSqlObjectionsDb>("objections");

    async Task<IServiceProvider> MigratedAsync<TDb, TPostgreSqlDb>(string service) where TDb : DbContext where TPostgreSqlDb : TDb
    {
        var replica = await databases.ReplicaAsync<TDb, TPostgreSqlDb>(service);
        await using var db = ProviderDatabases.Open<TDb>(replica);
        await db.Database.MigrateAsync();
        return replica;
    }

    static ApplicationWithdrawn Withdrawn(string reason) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "Org", Guid.NewGuid(), "Dialogue", reason, Now);

    /// <summary>A message already handled by <paramref name="consumer"/>: a second row with its key is a unique violation.</summary>
    static async Task StoreInboxRowAsync(IServiceProvider replica, Guid messageId, string consumer)
    {
        await using var db = ProviderDatabases.Open<RegistrationDb>(replica);
        db.Set<InboxMessage>().Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = Now });
        await db.SaveChangesAsync();
    }

    static LedgerFact Fact(string reason) =>
        new(LedgerKinds.ObjectionFiled, Guid.NewGuid(), null, Guid.NewGuid(), new Actor("AUT", "state"), Now, reason);

    sealed class RecordingPublisher : IEventPublisher
    {
        readonly ConcurrentQueue<Guid> _published = new();

        public IReadOnlyList<Guid> Published => _published.ToList();

        public async Task<PublishedEvent> PublishAsync(object message, Type messageType, Guid messageId, CancellationToken ct)
        {
            _published.Enqueue(messageId);
            // Let the other replica's dispatcher run while this one publishes.
            await Task.Yield();
            return PublishedEvent.Durable;
        }
    }
}

public sealed class ProviderGuaranteesOnSqliteTests(SqliteDatabases databases) : ProviderGuaranteesTests<SqliteDatabases>(databases)
{
    /// <summary>Two connections that wait a second at most, both asking for the file's one write lock.</summary>
    protected override async Task<Exception> WriteConflictAsync(RegistrationDb db)
    {
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { DefaultTimeout = 1, Pooling = false }.ToString();
        await using var holder = new SqliteConnection(file);
        await holder.OpenAsync();
        await using var hold = holder.CreateCommand();
        hold.CommandText = "BEGIN IMMEDIATE";
        await hold.ExecuteNonQueryAsync();
        await using var other = new SqliteConnection(file);
        await other.OpenAsync();
        await using var refused = other.CreateCommand();
        refused.CommandText = "BEGIN IMMEDIATE";
        return await Assert.ThrowsAsync<SqliteException>(() => refused.ExecuteNonQueryAsync());
    }
}

[Trait("Category", "PostgreSql")]
public sealed class ProviderGuaranteesOnPostgreSqlTests(PostgreSqlDatabases databases) : ProviderGuaranteesTests<PostgreSqlDatabases>(databases)
{
    /// <summary>Two transactions each holding what the other waits for: PostgreSQL ends one of them (40P01).</summary>
    protected override async Task<Exception> WriteConflictAsync(RegistrationDb db)
    {
        var connectionString = db.Database.GetConnectionString();
        await using var a = new NpgsqlConnection(connectionString);
        await using var b = new NpgsqlConnection(connectionString);
        await a.OpenAsync();
        await b.OpenAsync();
        await using var ta = await a.BeginTransactionAsync();
        await using var tb = await b.BeginTransactionAsync();
        await new NpgsqlCommand("SELECT pg_advisory_xact_lock(101)", a, ta).ExecuteNonQueryAsync();
        await new NpgsqlCommand("SELECT pg_advisory_xact_lock(202)", b, tb).ExecuteNonQueryAsync();
        var first = new NpgsqlCommand("SELECT pg_advisory_xact_lock(202)", a, ta).ExecuteNonQueryAsync();
        var second = new NpgsqlCommand("SELECT pg_advisory_xact_lock(101)", b, tb).ExecuteNonQueryAsync();
        // The victim fails after deadlock_timeout. Its transaction is aborted on the server at once, which
        // releases its locks, so the survivor's answer may reach us first: then the other one is the victim.
        var victim = await Task.WhenAny(first, second);
        if (!victim.IsFaulted)
            victim = victim == first ? second : first;
        var conflict = await Assert.ThrowsAsync<PostgresException>(() => victim);
        await (victim == first ? ta : tb).RollbackAsync();
        await (victim == first ? second : first);
        return conflict;
    }
}
