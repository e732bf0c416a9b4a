using Accreditation.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests;

[Collection(SystemCollection.Name)]
public sealed class InformationRequestTests(SystemFixture system)
{
    readonly Clients _api = new(system);

    [Fact]
    public async Task An_answered_request_returns_the_application_to_screening()
    {
        var (officer, user, application) = await SubmittedAsync("Answering Association");
        await RequestInformationAsync(officer, application, TimeSpan.FromDays(7));

        var answered = await _api.Applications.AnswerInformationRequestAsync(new RegistrationV1.AnswerInformationRequestRequest
        {
            ApplicationId = application.ApplicationId, Answer = "Our statutes are attached.",
        }, user.Call);

        Assert.Equal(RegistrationV1.ApplicationState.Submitted, answered.Application.State);
    }

    [Fact]
    public async Task An_unanswered_request_lapses_at_its_date_and_is_recorded_in_the_ledger()
    {
        var (officer, user, application) = await SubmittedAsync("Silent Society");
        await RequestInformationAsync(officer, application, TimeSpan.FromDays(3));

        system.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));

        await SystemFixture.EventuallyAsync(() => _api.GetAsync(user, application),
            a => a.State == RegistrationV1.ApplicationState.Lapsed, "the application to lapse");
        var late = await Assert.ThrowsAsync<RpcException>(() => _api.Applications.AnswerInformationRequestAsync(
            new RegistrationV1.AnswerInformationRequestRequest { ApplicationId = application.ApplicationId, Answer = "Sorry, late." }, user.Call).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, late.StatusCode);
        Assert.Contains("Lapsed", late.Status.Detail);

        var ledger = new RegistrationV1.LedgerService.LedgerServiceClient(system.Grpc);
        var entries = (await ledger.ListLedgerEntriesAsync(
            new RegistrationV1.ListLedgerEntriesRequest { ApplicationId = application.ApplicationId }, SystemFixture.Bearer(officer))).Entries;
        var lapse = Assert.Single(entries, e => e.StateAfter == "Lapsed");
        Assert.Equal(("InformationRequested", "system"), (lapse.StateBefore, lapse.ActorRole));

        // The organization is told, with a link to the application's page in its language.
        var notices = await SystemFixture.EventuallyAsync(() => _api.NoticesAsync(user.Token),
            n => n.Any(x => x.Kind == "application-lapsed"), "the lapse notice");
        var notice = Assert.Single(notices, x => x.Kind == "application-lapsed");
        Assert.Equal(application.ApplicationId, notice.ApplicationId);
        Assert.Contains($"/en/applications/{application.ApplicationId}", notice.Body);
    }

    async Task<(string Officer, OrganizationUser User, RegistrationV1.Application Application)> SubmittedAsync(string name)
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer);
        var user = await system.SignUpOrganizationUserAsync();
        var organization = await _api.CreateOrganizationAsync(user, name);
        return (officer, user, await _api.ApplyAsync(user, organization, dialogue));
    }

    Task RequestInformationAsync(string officer, RegistrationV1.Application application, TimeSpan within) =>
        _api.Secretariat.RequestInformationAsync(new RegistrationV1.RequestInformationRequest
        {
            ApplicationId = application.ApplicationId,
            Question = "Please provide your statutes.",
            AnswerBy = Timestamp.FromDateTimeOffset(system.Clock.GetUtcNow() + within),
        }, SystemFixture.Bearer(officer)).ResponseAsync;
}
