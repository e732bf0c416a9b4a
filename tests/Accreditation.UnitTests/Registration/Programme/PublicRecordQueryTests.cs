using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Programme;
using Accreditation.UnitTests.Registration.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.UnitTests.Registration.Programme;

/// <summary>What the public page reads without signing in, decided by the database's own query.</summary>
public sealed class PublicRecordQueryTests : IAsyncLifetime
{
    static readonly Actor Officer = new("officer-1", "officer");
    LedgerDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await LedgerDatabase.CreateAsync();
        var application = await _database.AdmitAsync("Migrant Rights Network");
        await using var db = _database.Open();
        var published = WrittenComment.Submit(application, "published", null, LedgerDatabase.Member, LedgerDatabase.Now);
        published.Publish(Officer, LedgerDatabase.Now);
        db.Set<WrittenComment>().AddRange(published, WrittenComment.Submit(application, "draft", null, LedgerDatabase.Member, LedgerDatabase.Now));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("2026-07-01T09:00:00Z", false)] // the day itself
    [InlineData("2026-07-01T23:59:59Z", false)]
    [InlineData("2026-07-02T00:00:00Z", true)]  // the day is over
    [InlineData("2026-07-02T01:30:00+02:00", false)] // judged by the UTC date
    public async Task A_dialogue_is_public_once_its_day_is_over_in_the_database_as_in_memory(string at, bool listed)
    {
        var now = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        await using var db = _database.Open();
        var dialogue = await db.Dialogues.AsNoTracking().SingleAsync();

        Assert.Equal(listed, await db.Dialogues.Where(PublicRecord.Dialogues(now)).AnyAsync());
        Assert.Equal(listed, dialogue.HasTakenPlace(now));
    }

    [Fact]
    public async Task Only_published_comments_and_statements_are_read_and_the_database_filters_them()
    {
        await using var db = _database.Open();
        Assert.Equal(["published"], await db.Set<WrittenComment>().Where(PublicRecord.Comments).Select(c => c.Text).ToListAsync());
        Assert.Contains("\"PublishedAt\" IS NOT NULL", db.Set<WrittenComment>().Where(PublicRecord.Comments).ToQueryString());
        Assert.Contains("\"StatementPublishedAt\" IS NOT NULL", db.FloorRequests().Where(PublicRecord.Statements).ToQueryString());
        Assert.Empty(await db.FloorRequests().Where(PublicRecord.Statements).ToListAsync());
    }
}
