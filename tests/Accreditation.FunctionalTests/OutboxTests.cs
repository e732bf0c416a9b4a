using Accreditation.Contracts;
using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.FunctionalTests;

/// <summary>DESIGN.md section 6: state and events commit together; pending events survive a stop.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    readonly SystemFixture _system = new();
    Clients _api = null!;

    public async Task InitializeAsync()
    {
        await _system.InitializeAsync();
        _api = new Clients(_system);
    }

    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task A_change_whose_transaction_rolls_back_publishes_nothing()
    {
        var (user, organization, dialogue) = await ApplicantAsync("Rolled Back Society");
        Guid rolledBack;
        await using (var db = OpenRegistrationDb())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            rolledBack = await SubmitDirectlyAsync(db, organization.OrganizationId, dialogue.DialogueId, user.Subject);
            await db.SaveWithLedgerAsync();
            await transaction.RollbackAsync();
        }

        // A later committed change is delivered; the outbox publishes in commit order, so the
        // rolled-back one would have arrived first had it been published.
        var committed = await _api.ApplyAsync(user, organization, dialogue);
        var notices = await SystemFixture.EventuallyAsync(() => _api.NoticesAsync(user.Token),
            n => n.Any(x => x.ApplicationId == committed.ApplicationId), "the committed application's notice");
        Assert.DoesNotContain(notices, n => n.ApplicationId == rolledBack.ToString());
        await using var check = OpenRegistrationDb();
        Assert.False(await check.Set<OutboxMessage>().AnyAsync(m => m.Payload.Contains(rolledBack.ToString())));
    }

    [Fact]
    public async Task Pending_outbox_rows_left_by_a_stopped_host_are_published_when_it_starts_again()
    {
        var (user, organization, dialogue) = await ApplicantAsync("Crash Recovery Alliance");
        await _system.StopAsync();

        // As if the host died between its commit and the publish: the row is committed, unsent.
        Guid pending;
        await using (var db = OpenRegistrationDb())
        {
            pending = await SubmitDirectlyAsync(db, organization.OrganizationId, dialogue.DialogueId, user.Subject);
            await db.SaveWithLedgerAsync();
            Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null));
        }

        await _system.StartAsync();
        var token = await _system.PasswordTokenAsync(user.Email, "Correct-Horse-42");
        await SystemFixture.EventuallyAsync(() => _api.NoticesAsync(token),
            n => n.Any(x => x.Kind == "application-received" && x.ApplicationId == pending.ToString()), "the pending event's notice");
        await using var check = OpenRegistrationDb();
        Assert.Equal(0, await check.Set<OutboxMessage>().CountAsync(m => m.SentAt == null));
    }

    [Fact]
    public async Task A_message_its_consumer_keeps_failing_is_kept_in_that_services_failed_messages_and_holds_nothing_back()
    {
        var (user, organization, dialogue) = await ApplicantAsync("Poisoned Circulation Watch");
        var officer = await _system.OfficerTokenAsync();
        var application = await _api.ApplyAsync(user, organization, dialogue);
        await _api.ScreenEligibleAsync(officer, application);
        var circulation = await _api.CirculateAsync(officer, dialogue, TimeSpan.FromDays(10));

        // A second ApplicationsCirculated with the same circulation id: Objections' insert fails on every retry.
        Guid poison;
        await using (var db = OpenRegistrationDb())
        {
            var now = _system.Clock.GetUtcNow();
            var row = OutboxMessage.For(new ApplicationsCirculated(Guid.Parse(circulation.CirculationId), Guid.Parse(dialogue.DialogueId), "Poisoned dialogue",
                now, now.AddDays(10), [new CirculatedApplicant(Guid.NewGuid(), Guid.Parse(organization.OrganizationId), organization.Name, "", "Ngo", "KEN", "None", "")]), now);
            db.Set<OutboxMessage>().Add(row);
            await db.SaveChangesAsync();
            poison = row.MessageId;
        }

        // After its retries it is recorded where an operator finds it, with the exception; the row counts as delivered.
        var failed = await SystemFixture.EventuallyAsync(() => FailedAsync("objections", poison), f => f is not null, "the failed message to be recorded", seconds: 60);
        Assert.Equal("objections", failed!.Value.Queue);
        Assert.Contains("UNIQUE", failed.Value.Error);
        await _system.OutboxDrainedAsync("registration");
        // Later events still flow.
        var later = await _api.ApplyAsync(user, organization, await _api.CreateDialogueAsync(officer));
        await SystemFixture.EventuallyAsync(() => _api.NoticesAsync(user.Token),
            n => n.Any(x => x.Kind == "application-received" && x.ApplicationId == later.ApplicationId), "the later application's notice");

        // A restart does not throw it away.
        await _system.StopAsync();
        await _system.StartAsync();
        Assert.NotNull(await FailedAsync("objections", poison));
    }

    async Task<(string Queue, string Error)?> FailedAsync(string service, Guid messageId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_system.DataDirectory, $"{service}.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Queue, Error FROM FailedMessages WHERE MessageId = $id";
        command.Parameters.AddWithValue("$id", messageId.ToString().ToUpperInvariant());
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    async Task<(OrganizationUser, Accreditation.Registration.V1.Organization, Accreditation.Registration.V1.Dialogue)> ApplicantAsync(string name)
    {
        var officer = await _system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer);
        var user = await _system.SignUpOrganizationUserAsync();
        var organization = await _api.CreateOrganizationAsync(user, name);
        return (user, organization, dialogue);
    }

    /// <summary>What the Registration service does on SubmitApplication, short of committing.</summary>
    async Task<Guid> SubmitDirectlyAsync(RegistrationDb db, string organizationId, string dialogueId, string subject)
    {
        var organization = await db.Organizations.Include(o => o.Members).SingleAsync(o => o.Id == Guid.Parse(organizationId));
        var dialogue = await db.Dialogues.SingleAsync(d => d.Id == Guid.Parse(dialogueId));
        var now = _system.Clock.GetUtcNow();
        var application = Application.Submit(organization, dialogue, new Actor(subject, "organization"), now);
        db.Applications.Add(application);
        db.Enqueue(new ApplicationSubmitted(application.Id, organization.Id, organization.Name, dialogue.Id, dialogue.Title, now), now);
        return application.Id;
    }

    RegistrationDb OpenRegistrationDb() =>
        new(new DbContextOptionsBuilder<RegistrationDb>()
            .UseSqlite($"Data Source={Path.Combine(_system.DataDirectory, "registration.db")};Default Timeout=30")
            .Options);
}
