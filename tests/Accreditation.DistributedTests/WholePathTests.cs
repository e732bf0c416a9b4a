using Accreditation.DistributedTests.Infrastructure;
using ObjectionsV1 = Accreditation.Objections.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.DistributedTests;

/// <summary>The foundation's path with every service in its own process, events over RabbitMQ.</summary>
public abstract class WholePathTests(DistributedSystem system)
{
    readonly Api _api = new(system);

    [Fact]
    public async Task Across_processes_an_objected_applicant_is_not_admitted_and_the_other_is_admitted_when_the_deadline_passes()
    {
        var officer = await _api.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer);
        var objectedUser = await _api.SignUpAsync();
        var objected = await _api.CreateOrganizationAsync(objectedUser, "Objected Migrant Rights Network");
        var objectedApplication = await _api.ApplyAsync(objectedUser, objected.OrganizationId, dialogue.DialogueId);
        var admittedUser = await _api.SignUpAsync();
        var admitted = await _api.CreateOrganizationAsync(admittedUser, "Admitted Academic Institute");
        var admittedApplication = await _api.ApplyAsync(admittedUser, admitted.OrganizationId, dialogue.DialogueId);
        await _api.ScreenEligibleAsync(officer, objectedApplication.ApplicationId);
        await _api.ScreenEligibleAsync(officer, admittedApplication.ApplicationId);

        // The server's real clock judges the deadline, so the window must hold the event's travel and
        // the State's two calls, not a replica's first request: each Objections process answers both
        // calls once before the window opens. With replicas on PostgreSQL, circulation to filing took
        // 7-11 s on an idle machine, and in CI a cold run missed a 15 s deadline by 2 s.
        var austria = await _api.StateTokenAsync("AUT");
        await WarmObjectionsAsync(austria, dialogue.DialogueId, objectedApplication.ApplicationId);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        var circulation = await _api.CirculateAsync(officer, dialogue.DialogueId, deadline);
        Assert.Equal(2, circulation.CirculatedApplicationIds.Count);

        // ApplicationsCirculated travels Registration -> RabbitMQ -> Objections.
        var applicants = await Api.EventuallyAsync(async () => (await _api.Circulations.ListCirculatedApplicantsAsync(
                new ObjectionsV1.ListCirculatedApplicantsRequest { DialogueId = dialogue.DialogueId }, Api.Bearer(austria))).Applicants,
            a => a.Count == 2, "the circulated applicants to reach the Objections process");
        Assert.Contains(applicants, a => a.Name == "Objected Migrant Rights Network");
        var objection = (await _api.Objections.FileObjectionAsync(new ObjectionsV1.FileObjectionRequest
        {
            ApplicationId = objectedApplication.ApplicationId,
            Grounds = "Activities outside the scope of the Protocol",
        }, Api.Bearer(austria))).Objection;
        Assert.Equal("AUT", objection.StateCode);

        // ObjectionWindowClosed travels Objections -> Registration, ApplicationDecided Registration -> Notifications.
        var notAdmitted = await Api.EventuallyAsync(() => _api.GetAsync(objectedUser, objectedApplication.ApplicationId),
            a => a.State == RegistrationV1.ApplicationState.NotAdmitted, "the objected application to be decided");
        var admittedNow = await Api.EventuallyAsync(() => _api.GetAsync(admittedUser, admittedApplication.ApplicationId),
            a => a.State == RegistrationV1.ApplicationState.Admitted, "the other application to be admitted");
        Assert.True(notAdmitted.DecidedAt.ToDateTimeOffset() >= deadline);
        Assert.True(admittedNow.DecidedAt.ToDateTimeOffset() >= deadline);

        var late = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => _api.Objections.FileObjectionAsync(new ObjectionsV1.FileObjectionRequest
        {
            ApplicationId = admittedApplication.ApplicationId,
        }, Api.Bearer(austria)).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.FailedPrecondition, late.StatusCode);

        await Api.EventuallyAsync(() => _api.NoticesAsync(objectedUser.Token),
            n => n.Any(x => x.Kind == "application-not-admitted") && n.Any(x => x.Kind == "application-received"), "the organization's notices");
        await Api.EventuallyAsync(() => _api.NoticesAsync(admittedUser.Token),
            n => n.Any(x => x.Kind == "application-admitted"), "the admitted notice");
        await Api.EventuallyAsync(() => _api.NoticesAsync(austria),
            n => n.Any(x => x.Kind == "objection-receipt" && x.ApplicationId == objectedApplication.ApplicationId), "the State's receipt");
        await Api.EventuallyAsync(() => _api.NoticesAsync(officer),
            n => n.Any(x => x.Kind == "objection-window-closed" && x.Body.Contains(circulation.CirculationId)), "the secretariat's window-closed notice");
    }

    /// <summary>
    /// Concurrent calls, so the gateway's least-requests choice spreads them over every replica: the
    /// list is empty and the objection refused, since nothing is circulated yet.
    /// </summary>
    async Task WarmObjectionsAsync(string state, string dialogueId, string applicationId)
    {
        var calls = Enumerable.Range(0, 4).Select(async _ =>
        {
            var listed = await _api.Circulations.ListCirculatedApplicantsAsync(
                new ObjectionsV1.ListCirculatedApplicantsRequest { DialogueId = dialogueId }, Api.Bearer(state));
            Assert.Empty(listed.Applicants);
            var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => _api.Objections.FileObjectionAsync(
                new ObjectionsV1.FileObjectionRequest { ApplicationId = applicationId, Grounds = "Not yet circulated" }, Api.Bearer(state)).ResponseAsync);
            Assert.Equal(Grpc.Core.StatusCode.NotFound, refused.StatusCode);
        });
        await Task.WhenAll(calls);
    }
}

/// <summary>One process per service, each with its SQLite file.</summary>
[Collection(DistributedCollection.Name)]
public sealed class WholePathOnSqliteTests(DistributedSystem system) : WholePathTests(system);

/// <summary>Two replicas each of Registration and Objections behind the gateway, every service's data in PostgreSQL.</summary>
[Collection(ReplicatedCollection.Name)]
public sealed class WholePathOnPostgreSqlWithReplicasTests(ReplicatedSystem system) : WholePathTests(system);
