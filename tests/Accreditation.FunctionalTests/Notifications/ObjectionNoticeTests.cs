using Accreditation.FunctionalTests.Infrastructure;
using InboxV1 = Accreditation.Notifications.V1;

namespace Accreditation.FunctionalTests.Notifications;

/// <summary>Notices raised while a window is open: the organization's "objection raised", the States' reminder.</summary>
[Collection(SystemCollection.Name)]
public sealed class ObjectionNoticeTests(SystemFixture system)
{
    readonly Clients _api = new(system);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_organization_learns_once_that_objections_were_raised_only_when_the_dialogue_discloses_them(bool disclose)
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer, disclose: disclose);
        var user = await system.SignUpOrganizationUserAsync("fr");
        var organization = await _api.CreateOrganizationAsync(user, "Observatoire des migrations");
        var application = await _api.ApplyAsync(user, organization, dialogue);
        await _api.ScreenEligibleAsync(officer, application);
        await _api.CirculateAsync(officer, dialogue, TimeSpan.FromDays(10));

        foreach (var state in new[] { "AUT", "MEX" })
            await _api.ObjectAsync(await system.StateTokenAsync(state), application, $"Grounds of {state}");
        // Registration decides whether to tell the organization in the transaction that records each objection in the ledger.
        await SystemFixture.EventuallyAsync(
            async () => (await _api.Ledger.ListLedgerEntriesAsync(new() { ApplicationId = application.ApplicationId }, SystemFixture.Bearer(officer))).Entries,
            entries => entries.Count(e => e.Kind == "objection-filed") == 2, "both objections to reach the ledger");

        async Task<List<InboxV1.Notice>> RaisedAsync() => (await _api.NoticesAsync(user.Token)).Where(n => n.Kind == "objection-raised").ToList();
        if (!disclose)
        {
            Assert.Empty(await RaisedAsync());
            return;
        }
        await SystemFixture.EventuallyAsync(RaisedAsync, raised => raised.Count > 0, "the organization to be told");
        // Each objection's ledger entry and any notice it causes commit together; once Registration's outbox
        // is drained, Notifications has consumed every such notice (standalone: sent means consumed).
        await system.OutboxDrainedAsync("registration");
        var notice = Assert.Single(await RaisedAsync());
        Assert.Equal("fr", notice.Language);
        Assert.Equal(application.ApplicationId, notice.ApplicationId);
        Assert.DoesNotContain("AUT", notice.Subject + notice.Body);
        Assert.DoesNotContain("MEX", notice.Subject + notice.Body);
        Assert.DoesNotContain("Grounds of", notice.Body);
    }

    [Fact]
    public async Task States_are_reminded_once_before_the_deadline()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer);
        var user = await system.SignUpOrganizationUserAsync();
        var application = await _api.ApplyAsync(user, await _api.CreateOrganizationAsync(user, "Reminder Watch"), dialogue);
        await _api.ScreenEligibleAsync(officer, application);
        var circulation = await _api.CirculateAsync(officer, dialogue, TimeSpan.FromDays(5));
        var austria = await system.StateTokenAsync("AUT");
        var mexico = await system.StateTokenAsync("MEX");

        async Task<int> RemindersAsync(string token) =>
            (await _api.NoticesAsync(token)).Count(n => n.Kind == "objection-deadline-reminder" && n.Body.Contains(circulation.CirculationId));

        await Task.Delay(TimeSpan.FromSeconds(1.5)); // a round of the watcher, before the lead time
        Assert.Equal(0, await RemindersAsync(austria));

        system.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1)); // two days before the deadline, by default
        await SystemFixture.EventuallyAsync(() => RemindersAsync(mexico), count => count == 1, "Mexico to be reminded");
        await SystemFixture.EventuallyAsync(() => RemindersAsync(austria), count => count == 1, "Austria to be reminded");

        await Task.Delay(TimeSpan.FromSeconds(2)); // more rounds of the watcher remind nobody again
        Assert.Equal(1, await RemindersAsync(austria));
    }
}
