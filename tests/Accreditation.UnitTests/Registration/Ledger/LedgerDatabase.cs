using Accreditation.Registration.Data;
using Accreditation.Registration.Data.Ledger;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.UnitTests.Registration.Ledger;

/// <summary>
/// A Registration database in a temporary SQLite file, written by the service's own code, and
/// the raw access an intruder with the file would have.
/// </summary>
public sealed class LedgerDatabase : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly Actor Officer = new("officer-1", "officer");
    public static readonly Actor Member = new("user-1", "organization");

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ledger-test-{Guid.NewGuid():N}.db");
    string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false, DefaultTimeout = 30 }.ToString();

    public RegistrationDb Open() => new(new DbContextOptionsBuilder<RegistrationDb>().UseSqlite(ConnectionString).Options);

    public static async Task<LedgerDatabase> CreateAsync()
    {
        var database = new LedgerDatabase();
        await using var db = database.Open();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>
    /// Applications submitted and screened through the domain, plus one objection fact: each
    /// application gives two entries, the objection one. Correlation ids are unique to the ledger
    /// ("request-NN" for entry NN) so a test can find an entry's bytes in the file.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> SeedAsync(int applications)
    {
        await using var db = Open();
        var dialogue = Dialogue.Create("Working Group on Smuggling of Migrants", "ninth session", new DateOnly(2026, 7, 1), "Vienna",
            Now.AddDays(-1), Now.AddDays(30), 14, 40, new DialoguePolicy(CirculationPolicy.All, ObjectionEffect.Exclude, false, 2), Now);
        db.Dialogues.Add(dialogue);
        await db.SaveChangesAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < applications; i++)
        {
            var organization = Organization.Create($"Organization {i}", null, StakeholderCategory.Ngo, "KEN", EcosocStatus.None, null, [], Member.Subject, Now);
            db.Organizations.Add(organization);
            var application = Application.Submit(organization, dialogue, Member, Now.AddMinutes(i));
            db.Applications.Add(application);
            db.LedgerCorrelation = $"request-{2 * i + 1:D2}";
            await db.SaveWithLedgerAsync();
            application.Screen(eligible: true, $"marker-{2 * i + 2:D2}", Officer, Now.AddMinutes(i).AddSeconds(30));
            db.LedgerCorrelation = $"request-{2 * i + 2:D2}";
            await db.SaveWithLedgerAsync();
            ids.Add(application.Id);
        }
        await db.RetryInTransactionAsync(async ct =>
        {
            await db.AppendAsync(new LedgerFact(LedgerKinds.ObjectionFiled, ids[0], null, dialogue.Id, new Actor("AUT", "state"),
                Now.AddHours(1), "Objection filed by AUT", Details: new Dictionary<string, string> { ["stateCode"] = "AUT", ["grounds"] = "Out of scope" }), ct);
            await db.SaveChangesAsync(ct);
            return true;
        }, CancellationToken.None);
        return ids;
    }

    /// <summary>
    /// An organization whose application to the dialogue is admitted (without circulation), saved
    /// through the domain and the ledger; <paramref name="member"/> (else <see cref="Member"/>) is
    /// its member. A new dialogue with <paramref name="capacity"/> in-person seats unless one is given.
    /// </summary>
    public async Task<Application> AdmitAsync(string organization, int capacity = 40, Guid? dialogueId = null, Actor? member = null)
    {
        member ??= Member;
        await using var db = Open();
        var dialogue = dialogueId is { } id ? await db.Dialogues.SingleAsync(d => d.Id == id) : Dialogue.Create("Working Group on Trafficking in Persons", "fifteenth session",
            new DateOnly(2026, 7, 1), "Vienna", Now.AddDays(-1), Now.AddDays(30), 14, capacity, new DialoguePolicy(CirculationPolicy.All, ObjectionEffect.Exclude, false, 4), Now);
        if (dialogueId is null)
            db.Dialogues.Add(dialogue);
        var created = Organization.Create(organization, null, StakeholderCategory.Ngo, "KEN", EcosocStatus.None, null, [], member.Subject, Now);
        db.Organizations.Add(created);
        var application = Application.Submit(created, dialogue, member, Now);
        application.Screen(eligible: true, null, Officer, Now);
        application.AdmitWithoutCirculation(Officer, Now);
        db.Applications.Add(application);
        await db.SaveWithLedgerAsync();
        return application;
    }

    public async Task<LedgerVerification> VerifyAsync(params LedgerCheckpointMark[] external)
    {
        await using var db = Open();
        return await db.VerifyLedgerAsync(external, CancellationToken.None);
    }

    /// <summary>What someone with the file can do: drop the append-only triggers and run any SQL.</summary>
    public async Task TamperAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER IF EXISTS LedgerEntries_NoUpdate; DROP TRIGGER IF EXISTS LedgerEntries_NoDelete; " + sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>What someone with the file can do without SQLite: change one byte of the text <paramref name="marker"/> where the file holds it.</summary>
    public async Task ChangeOneByteAtAsync(string marker)
    {
        var bytes = await File.ReadAllBytesAsync(Path);
        var at = bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(marker));
        Assert.True(at >= 0, "the entry's text is in the file");
        bytes[at] = (byte)'M';
        await File.WriteAllBytesAsync(Path, bytes);
    }

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm", Path + "-journal" })
            File.Delete(file);
        return ValueTask.CompletedTask;
    }
}
