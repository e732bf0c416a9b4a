using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Accreditation.FunctionalTests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Access;

[Collection(SystemCollection.Name)]
public sealed class ConfidentialityTests(SystemFixture system)
{
    readonly Clients _api = new(system);

    [Fact]
    public async Task An_organization_cannot_learn_which_state_objected_through_any_rpc_the_json_api_or_its_notices()
    {
        var world = await MatrixWorld.BuildAsync(system);
        var token = world.Tokens[Role.OrganizationA]!;
        var seen = new List<string>();
        foreach (var (name, row) in AuthorizationMatrix.Rows)
        {
            if (row.Expect(Role.OrganizationA, Side.A) != Outcome.Allowed || name.EndsWith("/SignUp"))
                continue;
            var method = PublicApi.Methods().Single(m => PublicApi.Name(m) == name.Split(AuthorizationMatrix.Variant)[0]);
            if ((await PublicApi.InvokeAsync(system.Grpc, method, row.Request(world, Side.A), token)).Response is { } response)
                seen.Add(JsonFormatter.Default.Format(response));
        }
        foreach (var path in new[] { $"/v1/applications/{world.Applications[Side.A]}", $"/v1/applications/{world.Applications[Side.A]}/history", "/v1/applications", "/v1/inbox/notices" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await system.Http.SendAsync(request);
            seen.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains(seen, s => s.Contains(world.Applications[Side.A]));
        // AUT objected to A's application, BRA to B's: neither code, nor the States' names, reach A.
        var revealing = new Regex(@"\b(AUT|BRA)\b|(?i:austria|brazil|state-aut|state-bra)");
        Assert.DoesNotContain(seen, s => revealing.IsMatch(s));
    }

    [Fact]
    public async Task A_refused_call_is_logged_with_subject_rpc_and_object_and_no_secret_is_ever_logged()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer);
        var owner = await system.SignUpOrganizationUserAsync();
        var application = await _api.ApplyAsync(owner, await _api.CreateOrganizationAsync(owner, "Logged Refusals Trust"), dialogue);
        var stranger = await system.SignUpOrganizationUserAsync();

        await Assert.ThrowsAsync<RpcException>(() => _api.GetAsync(stranger, application));

        var refusal = Assert.Single(system.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.StartsWith("Refused")
            && l.Message.Contains(application.ApplicationId));
        Assert.Contains(stranger.Subject, refusal.Message);
        Assert.Contains("/accreditation.registration.v1.ApplicationService/GetApplication", refusal.Message);
        var secrets = system.System.Credentials.Clients.Select(c => c.ClientSecret)
            .Concat(system.System.Credentials.Staff!.Select(s => s.Password))
            .Concat([owner.Token, stranger.Token, officer, "Correct-Horse-42"]);
        foreach (var secret in secrets)
            Assert.DoesNotContain(system.Logs.Lines, l => l.Message.Contains(secret));
    }

    [Fact]
    public async Task State_owner_and_timestamps_cannot_be_assigned_through_a_request()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer);
        var user = await system.SignUpOrganizationUserAsync();
        var organization = await _api.CreateOrganizationAsync(user, "Mass Assignment Watch");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/applications")
        {
            Content = JsonContent.Create(new
            {
                organizationId = organization.OrganizationId, dialogueId = dialogue.DialogueId,
                state = "APPLICATION_STATE_ADMITTED", decidedAt = "2020-01-01T00:00:00Z",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        using var response = await system.Http.SendAsync(request);

        // The request contract has no such fields: they are ignored, and the server decides them.
        Assert.True(response.IsSuccessStatusCode);
        var mine = Assert.Single((await _api.Applications.ListApplicationsAsync(new RegistrationV1.ListApplicationsRequest(), user.Call)).Applications);
        Assert.Equal(RegistrationV1.ApplicationState.Submitted, mine.State);
        Assert.Null(mine.DecidedAt);
        Assert.Equal(system.Clock.GetUtcNow(), mine.SubmittedAt.ToDateTimeOffset());
    }
}
