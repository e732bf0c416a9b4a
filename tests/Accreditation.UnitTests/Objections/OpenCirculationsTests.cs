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

    ObjectionsDb Open() => new(new DbContextOptionsBuilder<ObjectionsDb>().UseSqlite(_connection).Options);
}
