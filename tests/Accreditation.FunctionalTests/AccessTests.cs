using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Core;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests;

[Collection(SystemCollection.Name)]
public sealed class AccessTests(SystemFixture system)
{
    readonly Clients _api = new(system);

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated_over_grpc_and_json()
    {
        var grpc = await Assert.ThrowsAsync<RpcException>(() =>
            _api.Dialogues.ListDialoguesAsync(new RegistrationV1.ListDialoguesRequest(), SystemFixture.Anonymous).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, grpc.StatusCode);

        using var json = await system.Http.GetAsync("/v1/dialogues");
        Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode);
    }

    [Fact]
    public async Task A_forged_token_is_unauthenticated()
    {
        var officer = await system.OfficerTokenAsync();
        var forged = officer[..^4] + (officer[^4..] == "AAAA" ? "BBBB" : "AAAA");
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _api.Dialogues.ListDialoguesAsync(new RegistrationV1.ListDialoguesRequest(), SystemFixture.Bearer(forged)).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task An_organization_user_reading_another_organizations_application_is_refused()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer);
        var owner = await system.SignUpOrganizationUserAsync();
        var organization = await _api.CreateOrganizationAsync(owner, "Owner Foundation");
        var application = await _api.ApplyAsync(owner, organization, dialogue);
        var stranger = await system.SignUpOrganizationUserAsync();

        var read = await Assert.ThrowsAsync<RpcException>(() => _api.GetAsync(stranger, application));
        Assert.Equal(StatusCode.PermissionDenied, read.StatusCode);
        var withdraw = await Assert.ThrowsAsync<RpcException>(() => _api.Applications.WithdrawApplicationAsync(
            new RegistrationV1.WithdrawApplicationRequest { ApplicationId = application.ApplicationId }, stranger.Call).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, withdraw.StatusCode);
        var applyForOthers = await Assert.ThrowsAsync<RpcException>(() => _api.ApplyAsync(stranger, organization, dialogue));
        Assert.Equal(StatusCode.PermissionDenied, applyForOthers.StatusCode);

        // The owner still sees it, and the stranger's own list is empty.
        Assert.Equal(RegistrationV1.ApplicationState.Submitted, (await _api.GetAsync(owner, application)).State);
        var strangersList = await _api.Applications.ListApplicationsAsync(new RegistrationV1.ListApplicationsRequest(), stranger.Call);
        Assert.Empty(strangersList.Applications);
    }

    [Fact]
    public async Task Only_officers_screen_and_states_cannot_read_applications()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer);
        var user = await system.SignUpOrganizationUserAsync();
        var organization = await _api.CreateOrganizationAsync(user, "Screening Rights Centre");
        var application = await _api.ApplyAsync(user, organization, dialogue);

        foreach (var token in new[] { user.Token, await system.StateTokenAsync("MEX"), await system.AuditorTokenAsync() })
        {
            var screen = await Assert.ThrowsAsync<RpcException>(() => _api.ScreenEligibleAsync(token, application));
            Assert.Equal(StatusCode.PermissionDenied, screen.StatusCode);
        }
        var mexico = await system.StateTokenAsync("MEX");
        var stateRead = await Assert.ThrowsAsync<RpcException>(() => _api.Applications.GetApplicationAsync(
            new RegistrationV1.GetApplicationRequest { ApplicationId = application.ApplicationId }, SystemFixture.Bearer(mexico)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, stateRead.StatusCode);
    }

    [Fact]
    public async Task A_malformed_request_is_invalid_argument_naming_the_field_and_changes_nothing()
    {
        var user = await system.SignUpOrganizationUserAsync();
        var badCountry = await Assert.ThrowsAsync<RpcException>(() => _api.Organizations.CreateOrganizationAsync(new RegistrationV1.CreateOrganizationRequest
        {
            Name = "Nowhere Network", Category = RegistrationV1.StakeholderCategory.Ngo, Country = "Kenya", EcosocStatus = RegistrationV1.EcosocStatus.None,
        }, user.Call).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badCountry.StatusCode);
        Assert.StartsWith("country:", badCountry.Status.Detail);

        var badId = await Assert.ThrowsAsync<RpcException>(() => _api.Applications.SubmitApplicationAsync(
            new RegistrationV1.SubmitApplicationRequest { OrganizationId = "not-an-id", DialogueId = Guid.NewGuid().ToString() }, user.Call).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badId.StatusCode);
        Assert.StartsWith("organization_id:", badId.Status.Detail);

        var mine = await _api.Organizations.ListOrganizationsAsync(new RegistrationV1.ListOrganizationsRequest(), user.Call);
        Assert.Empty(mine.Organizations);
    }

    [Fact]
    public async Task Screening_a_decided_application_fails_naming_its_state()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer);
        var user = await system.SignUpOrganizationUserAsync();
        var organization = await _api.CreateOrganizationAsync(user, "Twice Screened Trust");
        var application = await _api.ApplyAsync(user, organization, dialogue);
        await _api.ScreenEligibleAsync(officer, application);

        var again = await Assert.ThrowsAsync<RpcException>(() => _api.ScreenEligibleAsync(officer, application));
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("Eligible", again.Status.Detail);
        var duplicate = await Assert.ThrowsAsync<RpcException>(() => _api.ApplyAsync(user, organization, dialogue));
        Assert.Equal(StatusCode.AlreadyExists, duplicate.StatusCode);
    }

    [Fact]
    public async Task The_json_api_serves_the_same_contract_through_the_gateway()
    {
        var user = await system.SignUpOrganizationUserAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/organizations")
        {
            Content = JsonContent.Create(new
            {
                name = "Json Civic Forum", category = "STAKEHOLDER_CATEGORY_ACADEMIA", country = "MEX",
                ecosocStatus = "ECOSOC_STATUS_SPECIAL", website = "https://json.example.org",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        using var created = await system.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var organization = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("organization");
        Assert.Equal("Json Civic Forum", organization.GetProperty("name").GetString());
        Assert.Equal("STAKEHOLDER_CATEGORY_ACADEMIA", organization.GetProperty("category").GetString());

        using var invalid = new HttpRequestMessage(HttpMethod.Post, "/v1/organizations")
        {
            Content = JsonContent.Create(new { name = "", category = "STAKEHOLDER_CATEGORY_NGO", country = "MEX" }),
        };
        invalid.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        using var refused = await system.Http.SendAsync(invalid);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("name", await refused.Content.ReadAsStringAsync());
    }
}
