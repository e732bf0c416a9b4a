using System.Net.Http.Json;
using System.Text.Json;
using Accreditation.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using RegistrationV1 = Accreditation.Registration.V1;
using Category = Accreditation.Registration.V1.StakeholderCategory;

namespace Accreditation.FunctionalTests.Secretariat;

[Collection(SystemCollection.Name)]
public sealed class ScreeningQueueTests(SystemFixture system)
{
    readonly Clients _api = new(system);

    [Fact]
    public async Task The_queue_lists_applications_waiting_for_screening_oldest_first_with_filters_and_pages()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer);
        var user = await system.SignUpOrganizationUserAsync();
        var applications = new List<RegistrationV1.Application>();
        foreach (var (name, category, country) in new[]
                 {
                     ("Queue First Network", Category.Ngo, "KEN"), ("Queue Second Institute", Category.Academia, "AUT"),
                     ("Queue Third Alliance", Category.Ngo, "BRA"), ("Queue Fourth Company", Category.PrivateSector, "KEN"),
                 })
        {
            var organization = await _api.CreateOrganizationAsync(user, name, category: category, country: country);
            applications.Add(await _api.ApplyAsync(user, organization, dialogue));
            system.Clock.Advance(TimeSpan.FromMinutes(5));
        }
        var ids = applications.Select(a => a.ApplicationId).ToList();
        var auditor = await system.AuditorTokenAsync();

        Assert.Equal(ids, await QueueAsync(auditor, new() { DialogueId = dialogue.DialogueId }));
        Assert.Equal([ids[0], ids[2]], await QueueAsync(officer, new() { DialogueId = dialogue.DialogueId, Category = Category.Ngo }));
        Assert.Equal([ids[0], ids[3]], await QueueAsync(officer, new() { DialogueId = dialogue.DialogueId, Country = "KEN" }));
        Assert.Equal([ids[3]], await QueueAsync(officer, new() { DialogueId = dialogue.DialogueId, Country = "KEN", Category = Category.PrivateSector }));

        // The same queue as JSON through the gateway.
        using var json = new HttpRequestMessage(HttpMethod.Get, $"/v1/screening-queue?dialogueId={dialogue.DialogueId}&category=STAKEHOLDER_CATEGORY_NGO");
        json.Headers.Authorization = new("Bearer", officer);
        using var response = await system.Http.SendAsync(json);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([ids[0], ids[2]], body.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("application").GetProperty("applicationId").GetString()));

        var firstPage = await _api.Secretariat.ListScreeningQueueAsync(new() { DialogueId = dialogue.DialogueId, PageSize = 3 }, SystemFixture.Bearer(officer));
        var secondPage = await _api.Secretariat.ListScreeningQueueAsync(
            new() { DialogueId = dialogue.DialogueId, PageSize = 3, PageToken = firstPage.NextPageToken }, SystemFixture.Bearer(officer));
        Assert.Equal(ids, firstPage.Entries.Concat(secondPage.Entries).Select(e => e.Application.ApplicationId));
        Assert.Equal("", secondPage.NextPageToken);
        var entry = firstPage.Entries[1];
        Assert.Equal(("Queue Second Institute", Category.Academia, "AUT"), (entry.Organization.Name, entry.Organization.Category, entry.Organization.Country));

        // Screened and asked-about applications leave the queue; a state filter finds them.
        await _api.ScreenEligibleAsync(officer, applications[0]);
        await _api.Secretariat.RequestInformationAsync(new RegistrationV1.RequestInformationRequest
        {
            ApplicationId = ids[1], Question = "Which university hosts the institute?",
            AnswerBy = Timestamp.FromDateTimeOffset(system.Clock.GetUtcNow().AddDays(7)),
        }, SystemFixture.Bearer(officer));
        Assert.Equal([ids[2], ids[3]], await QueueAsync(officer, new() { DialogueId = dialogue.DialogueId }));
        Assert.Equal([ids[0]], await QueueAsync(officer, new() { DialogueId = dialogue.DialogueId, State = RegistrationV1.ApplicationState.Eligible }));
        var asked = Assert.Single((await _api.Secretariat.ListScreeningQueueAsync(new()
        {
            DialogueId = dialogue.DialogueId, State = RegistrationV1.ApplicationState.InformationRequested,
        }, SystemFixture.Bearer(officer))).Entries);
        Assert.Equal(("Which university hosts the institute?", ids[1]), (asked.PendingQuestion, asked.Application.ApplicationId));

        // Answered, it comes back to the queue in its place: by its first submission.
        await _api.Applications.AnswerInformationRequestAsync(new() { ApplicationId = ids[1], Answer = "The University of Vienna." }, user.Call);
        Assert.Equal([ids[1], ids[2], ids[3]], await QueueAsync(officer, new() { DialogueId = dialogue.DialogueId }));
    }

    [Fact]
    public async Task A_malformed_country_filter_is_refused_naming_the_field()
    {
        var officer = await system.OfficerTokenAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _api.Secretariat.ListScreeningQueueAsync(new() { Country = "Kenya" }, SystemFixture.Bearer(officer)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("country:", error.Status.Detail);
    }

    async Task<List<string>> QueueAsync(string token, RegistrationV1.ListScreeningQueueRequest request) =>
        (await _api.Secretariat.ListScreeningQueueAsync(request, SystemFixture.Bearer(token))).Entries.Select(e => e.Application.ApplicationId).ToList();
}
