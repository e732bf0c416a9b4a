using Accreditation.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using ObjectionsV1 = Accreditation.Objections.V1;
using RegistrationV1 = Accreditation.Registration.V1;

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
        await Circulate(officer, dialogue, TimeSpan.FromDays(10));

        foreach (var state in new[] { "AUT", "MEX" })
            await _api.Objections.FileObjectionAsync(new ObjectionsV1.FileObjectionRequest { ApplicationId = application.ApplicationId, Grounds = $"Grounds of {state}" },
                SystemFixture.Bearer(await system.StateTokenAsync(state)));
        // The secretariat hears of both objections: the events have been consumed by then.
        await SystemFixture.EventuallyAsync(() => _api.NoticesAsync(officer),
            notices => notices.Count(n => n.Kind == "objection-filed" && n.ApplicationId == application.ApplicationId) == 2, "both objections to reach the secretariat");
        await Task.Delay(TimeSpan.FromSeconds(1));

        var raised = (await _api.NoticesAsync(user.Token)).Where(n => n.Kind == "objection-raised").ToList();
        if (!disclose)
        {
            Assert.Empty(raised);
            return;
        }
        var notice = Assert.Single(raised);
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
        var circulation = await Circulate(officer, dialogue, TimeSpan.FromDays(5));
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

    async Task<RegistrationV1.CirculateApplicationsResponse> Circulate(string officer, RegistrationV1.Dialogue dialogue, TimeSpan period) =>
        await _api.Secretariat.CirculateApplicationsAsync(new RegistrationV1.CirculateApplicationsRequest
        {
            DialogueId = dialogue.DialogueId,
            Deadline = Timestamp.FromDateTimeOffset(system.Clock.GetUtcNow() + period),
        }, SystemFixture.Bearer(officer));
}
