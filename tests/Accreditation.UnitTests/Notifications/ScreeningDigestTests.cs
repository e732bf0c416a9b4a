using Accreditation.Notifications.Domain;
using Accreditation.Notifications.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Accreditation.UnitTests.Notifications;

/// <summary>The secretariat's daily digest of applications waiting for screening, built from the events Notifications consumes.</summary>
public sealed class ScreeningDigestTests
{
    static readonly DigestOptions Settings = new() { Enabled = true, TimeOfDay = TimeSpan.FromHours(6), PollInterval = TimeSpan.FromMinutes(1) };
    static readonly DateTimeOffset Morning = new(2026, 5, 9, 6, 30, 0, TimeSpan.Zero);

    static async Task WithQueueAsync(NotificationsDatabase database, Func<ScreeningQueue, Task> change)
    {
        await using var db = database.Open();
        await change(new ScreeningQueue(db));
        await db.SaveChangesAsync();
    }

    static async Task<bool> DigestAsync(NotificationsDatabase database, FakeTimeProvider clock)
    {
        await using var db = database.Open();
        var digest = new ScreeningDigest(db, new ScreeningQueue(db), NotificationsParts.Writer(db, clock), Settings, clock);
        return await digest.WriteIfDueAsync(CancellationToken.None);
    }

    static async Task<List<Notice>> DigestsAsync(NotificationsDatabase database)
    {
        await using var db = database.Open();
        return await db.Notices.Where(n => n.Kind == NoticeKinds.ScreeningDigest).ToListAsync();
    }

    static async Task SubmitThreeScreenOneWithdrawOneAsync(NotificationsDatabase database)
    {
        var t = Morning.AddDays(-1);
        await WithQueueAsync(database, q => q.SubmittedAsync(Guid.Parse("00000000-0000-0000-0000-000000000001"), "Screened Org", "D", t, default));
        await WithQueueAsync(database, q => q.SubmittedAsync(Guid.Parse("00000000-0000-0000-0000-000000000002"), "Waiting Org", "D", t, default));
        await WithQueueAsync(database, q => q.SubmittedAsync(Guid.Parse("00000000-0000-0000-0000-000000000003"), "Withdrawn Org", "D", t, default));
        await WithQueueAsync(database, q => q.LeftAsync(Guid.Parse("00000000-0000-0000-0000-000000000001"), "Screened Org", "D", t.AddHours(1), default));
        await WithQueueAsync(database, q => q.LeftAsync(Guid.Parse("00000000-0000-0000-0000-000000000003"), "Withdrawn Org", "D", t.AddHours(2), default));
    }

    [Fact]
    public async Task The_digest_lists_submitted_applications_not_yet_screened_or_withdrawn()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        await SubmitThreeScreenOneWithdrawOneAsync(database);
        Assert.True(await DigestAsync(database, new FakeTimeProvider(Morning)));

        var digest = Assert.Single(await DigestsAsync(database));
        Assert.Equal(Recipients.Secretariat, digest.Recipient);
        Assert.Equal("Applications waiting for screening: 1 (2026-05-09)", digest.Subject);
        Assert.Contains("Waiting Org", digest.Body);
        Assert.DoesNotContain("Screened Org", digest.Body);
        Assert.DoesNotContain("Withdrawn Org", digest.Body);
    }

    [Fact]
    public async Task The_digest_is_written_once_a_day_after_its_time_however_often_it_is_asked()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        await SubmitThreeScreenOneWithdrawOneAsync(database);
        var clock = new FakeTimeProvider(Morning.AddHours(-1)); // 05:30, before 06:00
        Assert.False(await DigestAsync(database, clock));
        clock.Advance(TimeSpan.FromHours(1));
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => DigestAsync(database, clock)));
        Assert.Equal(1, runs.Count(written => written));
        clock.Advance(TimeSpan.FromHours(12));
        Assert.False(await DigestAsync(database, clock));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await DigestAsync(database, clock));
        Assert.Equal(2, (await DigestsAsync(database)).Count);
    }

    [Fact]
    public async Task A_day_with_nothing_waiting_has_no_digest_even_if_an_application_arrives_later_that_day()
    {
        await using var database = await NotificationsDatabase.CreateAsync();
        var clock = new FakeTimeProvider(Morning);
        Assert.True(await DigestAsync(database, clock)); // the day's run, with nothing to say
        await WithQueueAsync(database, q => q.SubmittedAsync(Guid.NewGuid(), "Late Org", "D", Morning.AddHours(1), default));
        clock.Advance(TimeSpan.FromHours(2));
        Assert.False(await DigestAsync(database, clock));
        Assert.Empty(await DigestsAsync(database));
    }

    [Fact]
    public void Leaving_the_queue_wins_over_a_submission_at_the_same_instant_and_a_late_older_event_changes_nothing()
    {
        var entry = new ScreeningEntry(Guid.NewGuid(), "Org", "D");
        entry.LeftQueue(Morning); // the screening overtook its submission
        entry.Submitted(Morning);
        Assert.False(entry.Waiting);
        entry.Submitted(Morning.AddHours(1)); // answered a request for information: waiting again
        Assert.True(entry.Waiting);
        entry.LeftQueue(Morning.AddMinutes(30)); // older than the resubmission
        Assert.True(entry.Waiting);
    }

    [Fact]
    public void The_run_id_of_a_day_is_the_same_everywhere_and_differs_between_days()
    {
        var day = new DateOnly(2026, 5, 9);
        Assert.Equal(ScreeningDigest.RunId(day), ScreeningDigest.RunId(day));
        Assert.NotEqual(ScreeningDigest.RunId(day), ScreeningDigest.RunId(day.AddDays(1)));
        Assert.NotEqual(Guid.Empty, ScreeningDigest.RunId(day));
    }
}
