using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Core;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Participation;

/// <summary>Representatives' personal data is purged on request; the counts and the ledger stay intact.</summary>
[Collection(SystemCollection.Name)]
public sealed class PurgeOnRequestTests(SystemFixture system)
{
    readonly ParticipationSteps _steps = new(system);

    [Fact]
    public async Task An_officer_purges_representatives_personal_data_and_the_counts_and_the_ledger_survive()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer, capacity: 1, quota: 3, daysAhead: 2);
        var first = await _steps.AdmittedAsync(officer, dialogue, "Purged Delegates Association");
        var second = await _steps.AdmittedAsync(officer, dialogue, "Second Purged Network");
        await _steps.NominateAsync(first, "Vera Seated");
        await _steps.NominateAsync(first, "Walter Online", RegistrationV1.AttendanceMode.Online);
        await _steps.NominateAsync(second, "Xenia Waiting");

        // Before the dialogue a purge would leave nameless people holding seats: refused, naming the date.
        var early = await Assert.ThrowsAsync<RpcException>(() => PurgeAsync(dialogue, system.OfficerTokenAsync()));
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        Assert.Contains($"takes place on {dialogue.Date}", early.Status.Detail);
        system.Clock.Advance(TimeSpan.FromDays(3));

        var auditorCannot = await Assert.ThrowsAsync<RpcException>(() => PurgeAsync(dialogue, system.AuditorTokenAsync()));
        Assert.Equal(StatusCode.PermissionDenied, auditorCannot.StatusCode);
        Assert.Equal(3, (await PurgeAsync(dialogue, system.OfficerTokenAsync())).PurgedCount);
        Assert.Equal(0, (await PurgeAsync(dialogue, system.OfficerTokenAsync())).PurgedCount);

        await PurgeAssertions.AssertPurgedAsync(system, _steps, dialogue, officer, expectedEntries: 1,
            ["Vera Seated", "Walter Online", "Xenia Waiting", "vera@example.org"], ("officer", null));
    }

    [Fact]
    public async Task A_seat_freed_after_the_dialogue_goes_to_nobody_on_the_waiting_list()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer, capacity: 1, quota: 1, daysAhead: 2);
        var first = await _steps.AdmittedAsync(officer, dialogue, "Early Seat Holders");
        var second = await _steps.AdmittedAsync(officer, dialogue, "Late Waiting Guild");
        var seated = await _steps.NominateAsync(first, "Olga Seated");
        await _steps.NominateAsync(second, "Pavel Waiting");

        system.Clock.Advance(TimeSpan.FromDays(3));
        await _steps.Representatives.WithdrawRepresentativeAsync(
            new RegistrationV1.WithdrawRepresentativeRequest { RepresentativeId = seated.RepresentativeId }, first.User.Call);

        Assert.Equal(RegistrationV1.RepresentativeStatus.WaitingList, (await _steps.RepresentativesOfAsync(second, officer)).Single().Status);
    }

    async Task<RegistrationV1.PurgeRepresentativesResponse> PurgeAsync(RegistrationV1.Dialogue dialogue, Task<string> token) =>
        await _steps.Representatives.PurgeRepresentativesAsync(new RegistrationV1.PurgeRepresentativesRequest { DialogueId = dialogue.DialogueId },
            SystemFixture.Bearer(await token));
}

/// <summary>A system of its own with a one-day retention, so the simulated clock can pass it without touching other tests.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    SystemFixture _system = null!;

    public async Task InitializeAsync()
    {
        _system = new SystemFixture(new Dictionary<string, string?>
        {
            ["Registration:RepresentativeRetention"] = "1.00:00:00",
            ["Registration:RetentionPollInterval"] = "00:00:00.100",
        });
        await _system.InitializeAsync();
    }

    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task Representatives_personal_data_is_purged_automatically_after_the_retention_period_following_the_dialogue()
    {
        var steps = new ParticipationSteps(_system);
        var officer = await _system.OfficerTokenAsync();
        var dialogue = await steps.CreateDialogueAsync(officer, capacity: 1, quota: 3, daysAhead: 3);
        var later = await steps.CreateDialogueAsync(officer, daysAhead: 30);
        var first = await steps.AdmittedAsync(officer, dialogue, "Retained Delegates Union");
        var untouched = await steps.AdmittedAsync(officer, later, "Later Dialogue Delegates");
        await steps.NominateAsync(first, "Yusuf Seated");
        await steps.NominateAsync(first, "Zoe Online", RegistrationV1.AttendanceMode.Online);
        await steps.NominateAsync(first, "Anna Waiting");
        await steps.NominateAsync(untouched, "Boris Kept");

        // Due when the day after the dialogue plus one day of retention begins (UTC): an hour before, not yet.
        var due = new DateTimeOffset(DateOnly.Parse(dialogue.Date).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(2);
        _system.Clock.Advance(due - TimeSpan.FromHours(1) - _system.Clock.GetUtcNow());
        await Task.Delay(500);
        Assert.Equal("Yusuf Seated", (await steps.RepresentativesOfAsync(first, officer))[0].FullName);

        _system.Clock.Advance(TimeSpan.FromHours(2));
        await SystemFixture.EventuallyAsync(() => steps.RepresentativesOfAsync(first, officer), r => r.All(x => x.PurgedAt is not null), "the retention purge");

        await PurgeAssertions.AssertPurgedAsync(_system, steps, dialogue, officer, expectedEntries: 1,
            ["Yusuf Seated", "Zoe Online", "Anna Waiting", "yusuf@example.org"], ("system", "representative-retention"));
        Assert.Equal("Boris Kept", (await steps.RepresentativesOfAsync(untouched, officer)).Single().FullName);

        // The dialogue is over: nobody is nominated into the purged delegation afterwards.
        var late = await Assert.ThrowsAsync<RpcException>(() => steps.NominateAsync(first, "Late Comer"));
        Assert.Equal(StatusCode.FailedPrecondition, late.StatusCode);
        Assert.Contains($"took place on {dialogue.Date}", late.Status.Detail);
    }
}

static class PurgeAssertions
{
    /// <summary>Names gone everywhere, modes and counts kept, one purge entry with counts only, the ledger still verifying.</summary>
    public static async Task AssertPurgedAsync(SystemFixture system, ParticipationSteps steps, RegistrationV1.Dialogue dialogue, string officer,
        int expectedEntries, string[] personalData, (string Role, string? Subject) purgedBy)
    {
        var list = await steps.Representatives.GetParticipantListAsync(
            new RegistrationV1.GetParticipantListRequest { DialogueId = dialogue.DialogueId }, SystemFixture.Bearer(officer));
        Assert.Equal((1, 1, 1), (list.InPersonCount, list.OnlineCount, list.WaitingListCount));
        var all = list.Organizations.SelectMany(o => o.InPerson.Concat(o.Online).Concat(o.WaitingList)).ToList();
        Assert.All(all, r => Assert.Equal(("", "", ""), (r.FullName, r.Title, r.Email)));
        Assert.All(all, r => Assert.NotNull(r.PurgedAt));
        foreach (var value in personalData)
            Assert.DoesNotContain(value, list.ToString());

        var ledger = new RegistrationV1.LedgerService.LedgerServiceClient(system.Grpc);
        var entries = (await ledger.ListLedgerEntriesAsync(new RegistrationV1.ListLedgerEntriesRequest { DialogueId = dialogue.DialogueId, PageSize = 200 },
            SystemFixture.Bearer(officer))).Entries.Where(e => e.Kind == "purge").ToList();
        Assert.Equal(expectedEntries, entries.Count);
        var purge = entries.Single();
        Assert.Equal(("3", "1", "1", "1"), (purge.Details["representatives"], purge.Details["inPerson"], purge.Details["online"], purge.Details["waitingList"]));
        Assert.Equal(purgedBy.Role, purge.ActorRole);
        if (purgedBy.Subject is { } subject)
            Assert.Equal(subject, purge.ActorSubject);
        foreach (var value in personalData)
            Assert.DoesNotContain(value, purge.ToString());

        var verified = await ledger.VerifyLedgerAsync(new RegistrationV1.VerifyLedgerRequest(), SystemFixture.Bearer(officer));
        Assert.True(verified.Ok, verified.Message);

        // Nor do the old values linger in the file's free pages or its write-ahead log.
        var files = new[] { "registration.db", "registration.db-wal" }.Select(f => Path.Combine(system.DataDirectory, f)).Where(File.Exists).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var bytes = ReadShared(file);
            foreach (var value in personalData)
                Assert.True(bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(value)) < 0, $"{value} is still in {Path.GetFileName(file)}");
        }
    }

    static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
