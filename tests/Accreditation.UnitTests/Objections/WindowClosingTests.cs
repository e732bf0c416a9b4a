using Accreditation.Contracts;
using Accreditation.Objections.Data;
using Accreditation.Objections.Domain;
using Accreditation.Objections.Messaging;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using System.Text.Json;
using CirculatedApplicant = Accreditation.Objections.Domain.CirculatedApplicant;
using Accreditation.Objections.Background;

namespace Accreditation.UnitTests.Objections;

/// <summary>DESIGN.md section 2: a window closes exactly once, even when replicas race for it.</summary>
public sealed class WindowClosingTests : IAsyncLifetime
{
    readonly string _file = Path.Combine(Path.GetTempPath(), $"objections-{Guid.NewGuid():N}.db");
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
    Guid _circulation;
    Guid _objected;
    Guid _clean;

    public async Task InitializeAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
        var circulation = new Circulation(Guid.NewGuid(), Guid.NewGuid(), "Dialogue", _clock.GetUtcNow(), _clock.GetUtcNow().AddDays(14));
        var objected = new CirculatedApplicant(Guid.NewGuid(), circulation.Id, Guid.NewGuid(), "Objected", "OB", "Ngo", "KEN", "None", "");
        var clean = new CirculatedApplicant(Guid.NewGuid(), circulation.Id, Guid.NewGuid(), "Clean", "CL", "Ngo", "KEN", "None", "");
        circulation.Applicants.AddRange([objected, clean]);
        db.Circulations.Add(circulation);
        db.Objections.Add(Objection.File(circulation, objected, "AUT", "grounds", _clock.GetUtcNow().AddDays(1)));
        await db.SaveChangesAsync();
        (_circulation, _objected, _clean) = (circulation.Id, objected.ApplicationId, clean.ApplicationId);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_file + suffix);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Nothing_closes_before_the_deadline()
    {
        _clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromSeconds(1));
        await using var db = Open();
        Assert.Equal(0, await new ObjectionWindowCloser(db, _clock, new OutboxSignal()).CloseDueWindowsAsync(CancellationToken.None));
        Assert.Empty(await db.Set<OutboxMessage>().ToListAsync());
    }

    [Fact]
    public async Task Replicas_racing_for_a_due_window_close_it_exactly_once_with_one_event()
    {
        _clock.Advance(TimeSpan.FromDays(14));
        var replicas = Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = Open();
            return await new ObjectionWindowCloser(db, _clock, new OutboxSignal()).CloseDueWindowsAsync(CancellationToken.None);
        });

        var closed = await Task.WhenAll(replicas);

        Assert.Equal(1, closed.Sum());
        await using var check = Open();
        var row = Assert.Single(await check.Set<OutboxMessage>().ToListAsync());
        var closure = JsonSerializer.Deserialize<ObjectionWindowClosed>(row.Payload)!;
        Assert.Equal(_circulation, closure.CirculationId);
        Assert.Equal(
            new[] { new ObjectionTally(_objected, 1), new ObjectionTally(_clean, 0) }.OrderBy(t => t.ApplicationId),
            closure.Results.OrderBy(t => t.ApplicationId));
        Assert.NotNull((await check.Circulations.SingleAsync()).ClosedAt);
    }

    [Fact]
    public async Task A_restart_after_closing_publishes_nothing_more()
    {
        _clock.Advance(TimeSpan.FromDays(15));
        await using (var first = Open())
            Assert.Equal(1, await new ObjectionWindowCloser(first, _clock, new OutboxSignal()).CloseDueWindowsAsync(CancellationToken.None));
        await using var restarted = Open();
        Assert.Equal(0, await new ObjectionWindowCloser(restarted, _clock, new OutboxSignal()).CloseDueWindowsAsync(CancellationToken.None));
        Assert.Single(await restarted.Set<OutboxMessage>().ToListAsync());
    }

    ObjectionsDb Open() => new(new DbContextOptionsBuilder<ObjectionsDb>()
        .UseSqlite($"Data Source={_file};Default Timeout=30")
        .Options);
}
