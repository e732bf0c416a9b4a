using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Core;
using ObjectionsV1 = Accreditation.Objections.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests;

/// <summary>The foundation's path: application, screening, circulation, objection, deadline, decision, notices.</summary>
[Collection(SystemCollection.Name)]
public sealed class WholePathTests(SystemFixture system)
{
    readonly Clients _api = new(system);

    [Fact]
    public async Task Under_exclude_an_objected_applicant_is_not_admitted_and_the_other_is_admitted()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer, RegistrationV1.ObjectionEffect.Exclude);

        var objectedUser = await system.SignUpOrganizationUserAsync();
        var objected = await _api.CreateOrganizationAsync(objectedUser, "Objected Migrant Rights Network");
        var objectedApplication = await _api.ApplyAsync(objectedUser, objected, dialogue);
        var admittedUser = await system.SignUpOrganizationUserAsync();
        var admitted = await _api.CreateOrganizationAsync(admittedUser, "Admitted Academic Institute");
        var admittedApplication = await _api.ApplyAsync(admittedUser, admitted, dialogue);
        Assert.Equal(RegistrationV1.ApplicationState.Submitted, objectedApplication.State);

        await _api.ScreenEligibleAsync(officer, objectedApplication);
        await _api.ScreenEligibleAsync(officer, admittedApplication);
        var deadline = system.Clock.GetUtcNow().AddDays(1);
        var circulation = await _api.Secretariat.CirculateApplicationsAsync(new RegistrationV1.CirculateApplicationsRequest
        {
            DialogueId = dialogue.DialogueId,
            Deadline = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(deadline),
        }, SystemFixture.Bearer(officer));
        Assert.Equal(2, circulation.CirculatedApplicationIds.Count);

        var austria = await system.StateTokenAsync("AUT");
        var applicants = await _api.CirculatedAsync(austria, dialogue, expected: 2);
        Assert.Contains(applicants, a => a.Name == "Objected Migrant Rights Network" && a.Country == "KEN");
        var objection = (await _api.Objections.FileObjectionAsync(new ObjectionsV1.FileObjectionRequest
        {
            ApplicationId = objectedApplication.ApplicationId,
            Grounds = "Activities outside the scope of the Protocol",
        }, SystemFixture.Bearer(austria))).Objection;
        Assert.Equal("AUT", objection.StateCode);

        system.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var notAdmitted = await SystemFixture.EventuallyAsync(() => _api.GetAsync(objectedUser, objectedApplication),
            a => a.State == RegistrationV1.ApplicationState.NotAdmitted, "the objected application to be decided");
        var admittedNow = await SystemFixture.EventuallyAsync(() => _api.GetAsync(admittedUser, admittedApplication),
            a => a.State == RegistrationV1.ApplicationState.Admitted, "the other application to be admitted");
        Assert.NotNull(notAdmitted.DecidedAt);
        Assert.NotNull(admittedNow.DecidedAt);
        // The dialogue does not disclose objections to organizations.
        Assert.False(notAdmitted.ObjectionRaised);

        var history = await _api.Applications.GetApplicationHistoryAsync(
            new RegistrationV1.GetApplicationHistoryRequest { ApplicationId = objectedApplication.ApplicationId }, objectedUser.Call);
        Assert.Equal(
            new[] { RegistrationV1.ApplicationState.Submitted, RegistrationV1.ApplicationState.Eligible, RegistrationV1.ApplicationState.Circulated, RegistrationV1.ApplicationState.NotAdmitted },
            history.Changes.Select(c => c.To));
        Assert.All(history.Changes, c => Assert.DoesNotContain("AUT", c.Reason));
        // The dialogue does not disclose objections: the organization is not told why in those words.
        Assert.DoesNotContain("objection", history.Changes[^1].Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("system", history.Changes[^1].Actor.Role);
        Assert.Empty(history.Changes[^1].Actor.Subject);

        var objectedNotices = await SystemFixture.EventuallyAsync(() => _api.NoticesAsync(objectedUser.Token),
            n => n.Any(x => x.Kind == "application-not-admitted"), "the not-admitted notice");
        Assert.Contains(objectedNotices, n => n.Kind == "application-received");
        Assert.DoesNotContain(objectedNotices, n => n.Subject.Contains("AUT") || n.Body.Contains("AUT") || n.Body.Contains("Austria"));
        await SystemFixture.EventuallyAsync(() => _api.NoticesAsync(admittedUser.Token),
            n => n.Any(x => x.Kind == "application-admitted" && x.ApplicationId == admittedApplication.ApplicationId), "the admitted notice");
        await SystemFixture.EventuallyAsync(() => _api.NoticesAsync(austria),
            n => n.Any(x => x.Kind == "objection-receipt" && x.ApplicationId == objectedApplication.ApplicationId)
                 && n.Any(x => x.Kind == "circulation-note"), "the State's receipt and circulation note");
        var secretariat = await SystemFixture.EventuallyAsync(() => _api.NoticesAsync(officer),
            n => n.Any(x => x.Kind == "objection-window-closed"), "the secretariat's window-closed notice");
        Assert.Contains(secretariat, n => n.Kind == "objection-filed" && n.ApplicationId == objectedApplication.ApplicationId);
    }

    [Fact]
    public async Task Objection_after_deadline_is_refused_and_a_second_objection_by_the_same_state_already_exists()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer);
        var user = await system.SignUpOrganizationUserAsync();
        var organization = await _api.CreateOrganizationAsync(user, "Late Objection Watch");
        var application = await _api.ApplyAsync(user, organization, dialogue);
        await _api.ScreenEligibleAsync(officer, application);
        await _api.Secretariat.CirculateApplicationsAsync(new RegistrationV1.CirculateApplicationsRequest { DialogueId = dialogue.DialogueId }, SystemFixture.Bearer(officer));
        var brazil = await system.StateTokenAsync("BRA");
        await _api.CirculatedAsync(brazil, dialogue, expected: 1);

        var file = new ObjectionsV1.FileObjectionRequest { ApplicationId = application.ApplicationId };
        await _api.Objections.FileObjectionAsync(file, SystemFixture.Bearer(brazil));
        var duplicate = await Assert.ThrowsAsync<RpcException>(() => _api.Objections.FileObjectionAsync(file, SystemFixture.Bearer(brazil)).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, duplicate.StatusCode);

        system.Clock.Advance(TimeSpan.FromDays(dialogue.ObjectionPeriodDays) + TimeSpan.FromSeconds(1));
        var kenya = await system.StateTokenAsync("KEN");
        var late = await Assert.ThrowsAsync<RpcException>(() => _api.Objections.FileObjectionAsync(file, SystemFixture.Bearer(kenya)).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, late.StatusCode);
        Assert.Contains("objection period closed", late.Status.Detail);
    }
}
