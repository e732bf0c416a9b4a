using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Core;
using RegistrationV1 = Accreditation.Registration.V1;
using State = Accreditation.Registration.V1.ApplicationState;

namespace Accreditation.FunctionalTests.Registration;

/// <summary>
/// Submissions and screenings that arrive together are committed together (group commit), and each
/// caller is still answered as if it had been alone: one submission per organization and dialogue
/// accepted, one screening per application, the others refused, and the history and the ledger
/// hold each accepted change once.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ConcurrentWritesTests(SystemFixture system)
{
    const int Organizations = 4;
    const int Attempts = 3;
    readonly Clients _api = new(system);
    RegistrationV1.LedgerService.LedgerServiceClient Ledger => new(system.Grpc);

    [Fact]
    public async Task The_same_submission_and_screening_sent_at_once_are_each_accepted_once_and_the_others_refused()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer);
        var applicants = new List<(OrganizationUser User, RegistrationV1.Organization Organization)>();
        for (var i = 0; i < Organizations; i++)
        {
            var user = await system.SignUpOrganizationUserAsync();
            applicants.Add((user, await _api.CreateOrganizationAsync(user, $"Concurrent Writers Trust {i}")));
        }

        var submitted = await Task.WhenAll(applicants.SelectMany(a => Enumerable.Range(0, Attempts).Select(_ => AnswerAsync(_api.ApplyAsync(a.User, a.Organization, dialogue)))));

        var perOrganization = submitted.Chunk(Attempts).ToList();
        Assert.All(perOrganization, answers => Assert.Equal([StatusCode.OK, StatusCode.AlreadyExists, StatusCode.AlreadyExists], answers.Select(a => a.Code).Order()));
        var applications = perOrganization.Select(answers => answers.Single(a => a.Code == StatusCode.OK).Value!).ToList();

        var screened = await Task.WhenAll(applications.SelectMany(a => Enumerable.Range(0, Attempts).Select(_ => AnswerAsync(ScreenAsync(officer, a)))));

        Assert.All(screened.Chunk(Attempts), answers => Assert.Equal([StatusCode.OK, StatusCode.FailedPrecondition, StatusCode.FailedPrecondition], answers.Select(a => a.Code).Order()));
        foreach (var ((user, _), application) in applicants.Zip(applications))
        {
            var history = await _api.Applications.GetApplicationHistoryAsync(new() { ApplicationId = application.ApplicationId }, user.Call);
            Assert.Equal([State.Submitted, State.Eligible], history.Changes.Select(c => c.To));
            var entries = await Ledger.ListLedgerEntriesAsync(new RegistrationV1.ListLedgerEntriesRequest { ApplicationId = application.ApplicationId }, SystemFixture.Bearer(officer));
            Assert.Equal(2, entries.Entries.Count);
        }
        var listed = await _api.Applications.ListApplicationsAsync(new RegistrationV1.ListApplicationsRequest { DialogueId = dialogue.DialogueId }, SystemFixture.Bearer(officer));
        Assert.Equal(applications.Select(a => a.ApplicationId).Order(), listed.Applications.Select(a => a.ApplicationId).Order());
    }

    async Task<RegistrationV1.Application> ScreenAsync(string officer, RegistrationV1.Application application) =>
        (await _api.Secretariat.ScreenApplicationAsync(new RegistrationV1.ScreenApplicationRequest
        {
            ApplicationId = application.ApplicationId,
            Outcome = RegistrationV1.ScreeningOutcome.Eligible,
        }, SystemFixture.Bearer(officer))).Application;

    static async Task<(StatusCode Code, T? Value)> AnswerAsync<T>(Task<T> call) where T : class
    {
        try
        {
            return (StatusCode.OK, await call);
        }
        catch (RpcException refused)
        {
            return (refused.StatusCode, null);
        }
    }
}
