using Accreditation.FunctionalTests.Infrastructure;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests;

[Collection(SystemCollection.Name)]
public sealed class DialogueListingTests(SystemFixture system)
{
    readonly Clients _api = new(system);

    [Fact]
    public async Task Dialogues_open_for_registration_are_those_whose_period_includes_the_server_time()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer); // registration closes in 30 days
        var user = await system.SignUpOrganizationUserAsync();

        Assert.Contains(await ListAsync(user.Token, openForRegistration: true), d => d.DialogueId == dialogue.DialogueId);
        system.Clock.Advance(TimeSpan.FromDays(31));
        Assert.DoesNotContain(await ListAsync(user.Token, openForRegistration: true), d => d.DialogueId == dialogue.DialogueId);
        Assert.Contains(await ListAsync(user.Token, openForRegistration: false), d => d.DialogueId == dialogue.DialogueId);
    }

    async Task<IReadOnlyList<RegistrationV1.Dialogue>> ListAsync(string token, bool openForRegistration)
    {
        var dialogues = new List<RegistrationV1.Dialogue>();
        var page = "";
        do
        {
            var response = await _api.Dialogues.ListDialoguesAsync(new RegistrationV1.ListDialoguesRequest { OpenForRegistration = openForRegistration, PageSize = 200, PageToken = page },
                SystemFixture.Bearer(token));
            dialogues.AddRange(response.Dialogues);
            page = response.NextPageToken;
        } while (page != "");
        return dialogues;
    }
}
