using Accreditation.Objections.Data;
using Accreditation.Objections.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.UnitTests.Objections;

/// <summary>Which circulations a State still sees as open (open_only): the database's filter and the objection rule agree.</summary>
public sealed class OpenCirculationsTests : IAsyncLifetime
{
    static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    readonly SqliteConnection _connection = new("Data Source=:memory:");
    readonly Dictionary<string, Guid> _circulations = [];

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var db = Open();
        await db.Database.MigrateAsync();
        foreach (var (name, deadline) in new[] { ("open", Now.AddDays(1)), ("due now", Now), ("past", Now.AddDays(-1)), ("closed early", Now.AddDays(2)) })
        {
            var circulation = new Circulation(Guid.NewGuid(), Guid.NewGuid(), name, Now.AddDays(-14), deadline);
            db.Circulations.Add(circulation);
            _circulations[name] = circulation.Id;
        }
        await db.SaveChangesAsync();
        await db.Circulations.Where(c => c.Id == _circulations["closed early"]).ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosedAt, Now.AddHours(-1)));
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task A_circulation_is_open_before_its_deadline_until_it_is_closed()
    {
        await using var db = Open();
        var open = await db.Circulations.Where(Circulation.OpenAt(Now)).Select(c => c.DialogueTitle).ToListAsync();

        Assert.Equal(["open"], open);
    }

    [Fact]
    public async Task The_database_s_filter_keeps_exactly_the_circulations_that_still_take_objections()
    {
        await using var db = Open();
        foreach (var at in new[] { Now.AddDays(-3), Now, Now.AddDays(1).AddTicks(-1), Now.AddDays(3) })
        {
            var filtered = await db.Circulations.Where(Circulation.OpenAt(at)).Select(c => c.Id).OrderBy(id => id).ToListAsync();
            var taking = (await db.Circulations.AsNoTracking().ToListAsync()).Where(c => c.IsOpenAt(at)).Select(c => c.Id).OrderBy(id => id).ToList();
            Assert.Equal(taking, filtered);
        }
        Assert.Contains("\"ClosedAt\" IS NULL", db.Circulations.Where(Circulation.OpenAt(Now)).ToQueryString());
    }

    [Fact]
    public async Task The_closer_closes_exactly_the_windows_past_their_deadline_that_nobody_closed()
    {
        await using var db = Open();
        Assert.Equal(["due now", "past"], await db.Circulations.Where(Circulation.DueToCloseAt(Now)).OrderBy(c => c.DialogueTitle).Select(c => c.DialogueTitle).ToListAsync());
        foreach (var at in new[] { Now.AddDays(-3), Now, Now.AddDays(1).AddTicks(-1), Now.AddDays(1), Now.AddDays(3) })
        {
            var filtered = await db.Circulations.Where(Circulation.DueToCloseAt(at)).Select(c => c.Id).OrderBy(id => id).ToListAsync();
            var all = await db.Circulations.AsNoTracking().ToListAsync();
            Assert.Equal(all.Where(c => c.IsDueToCloseAt(at)).Select(c => c.Id).OrderBy(id => id), filtered);
            // A window nobody closed is either open or due to close, never both.
            Assert.All(all.Where(c => c.ClosedAt is null), c => Assert.NotEqual(c.IsOpenAt(at), c.IsDueToCloseAt(at)));
        }
    }

    [Fact]
    public async Task The_reminder_s_filter_never_drops_a_window_due_for_its_reminder()
    {
        var lead = TimeSpan.FromDays(2);
        await using (var seed = Open())
        {
            var reminded = new Circulation(Guid.NewGuid(), Guid.NewGuid(), "reminded", Now.AddDays(-14), Now.AddDays(1));
            var late = new Circulation(Guid.NewGuid(), Guid.NewGuid(), "opened late", Now.AddHours(-1), Now.AddDays(1));
            seed.Circulations.AddRange(reminded, late);
            await seed.SaveChangesAsync();
            await seed.Circulations.Where(c => c.Id == reminded.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReminderSentAt, Now.AddHours(-2)));
        }
        await using var db = Open();
        foreach (var at in new[] { Now.AddDays(-3), Now.AddDays(-1), Now, Now.AddDays(1).AddTicks(-1), Now.AddDays(1) })
        {
            var candidates = await db.Circulations.AsNoTracking().Where(Circulation.ToRemindAt(at, lead)).ToListAsync();
            var due = (await db.Circulations.AsNoTracking().ToListAsync()).Where(c => c.IsDueForReminder(at, lead)).Select(c => c.Id).OrderBy(id => id);
            Assert.Equal(due, candidates.Where(c => c.IsDueForReminder(at, lead)).Select(c => c.Id).OrderBy(id => id));
            Assert.All(candidates, c => Assert.True(c.IsOpenAt(at)));
        }
        var now = await db.Circulations.AsNoTracking().Where(Circulation.ToRemindAt(Now, lead)).ToListAsync();
        Assert.Equal(["open", "opened late"], now.Select(c => c.DialogueTitle).Order());
        Assert.Equal(["open"], now.Where(c => c.IsDueForReminder(Now, lead)).Select(c => c.DialogueTitle));
    }

    ObjectionsDb Open() => new(new DbContextOptionsBuilder<ObjectionsDb>().UseSqlite(_connection).Options);
}
