using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.ServiceDefaults.Errors;
using Grpc.Core;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Errors;

/// <summary>
/// A refusal reaches gRPC and JSON clients through the gateway as the same google.rpc.Status: the
/// readable message, an ErrorInfo with a stable reason and its metadata, and the detail of its kind.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class RichErrorTests(SystemFixture system)
{
    readonly Clients _api = new(system);

    [Fact]
    public async Task A_grpc_client_reads_the_field_violation_and_the_reason_of_an_invalid_field()
    {
        var user = await system.SignUpOrganizationUserAsync();
        var refused = await Assert.ThrowsAsync<RpcException>(() => _api.Organizations.CreateOrganizationAsync(new RegistrationV1.CreateOrganizationRequest
        {
            Name = "Nowhere Network", Category = RegistrationV1.StakeholderCategory.Ngo, Country = "Kenya", EcosocStatus = RegistrationV1.EcosocStatus.None,
        }, user.Call).ResponseAsync);

        var error = ReceivedError.From(refused);
        Assert.Equal(StatusCode.InvalidArgument, error.Code);
        Assert.Equal("country: must be an ISO 3166-1 alpha-3 code such as KEN", error.Message);
        Assert.Equal("country", error.Field);
        Assert.Equal("must be an ISO 3166-1 alpha-3 code such as KEN", error.FieldDescription);
        Assert.Equal("COUNTRY_INVALID", error.Reason);
        Assert.Equal("accreditation.registration", error.Domain);
        Assert.Equal("KENYA", error.Metadata["value"]);
        Assert.Null(refused.Trailers.Get("invalid-field"));
    }

    [Fact]
    public async Task A_grpc_client_reads_the_precondition_and_its_dates_when_registration_has_not_opened()
    {
        var officer = await system.OfficerTokenAsync();
        var user = await system.SignUpOrganizationUserAsync();
        var organization = await _api.CreateOrganizationAsync(user, "Early Bird Network");
        var now = system.Clock.GetUtcNow();
        var dialogue = (await _api.Dialogues.CreateDialogueAsync(new RegistrationV1.CreateDialogueRequest
        {
            WorkingGroup = "Working Group on Firearms", Session = "tenth session", Date = now.AddDays(90).ToString("yyyy-MM-dd"), Venue = "Vienna",
            RegistrationOpensAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now.AddDays(10)),
            RegistrationClosesAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now.AddDays(40)),
            ObjectionPeriodDays = 14, InPersonCapacity = 10,
            Policy = new RegistrationV1.DialoguePolicy { RepresentativesPerOrganization = 2, Circulation = RegistrationV1.CirculationPolicy.All, ObjectionEffect = RegistrationV1.ObjectionEffect.Exclude },
        }, SystemFixture.Bearer(officer))).Dialogue;

        var refused = await Assert.ThrowsAsync<RpcException>(() => _api.ApplyAsync(user, organization, dialogue));

        var status = refused.GetRpcStatus();
        Assert.NotNull(status);
        var precondition = Assert.Single(status.GetDetail<Google.Rpc.PreconditionFailure>().Violations);
        Assert.Equal("REGISTRATION_NOT_YET_OPEN", precondition.Type);
        Assert.Equal($"dialogues/{dialogue.DialogueId}", precondition.Subject);
        var error = ReceivedError.From(refused);
        Assert.Equal("REGISTRATION_NOT_YET_OPEN", error.Reason);
        Assert.Equal(dialogue.RegistrationOpensAt.ToDateTimeOffset(), DateTimeOffset.Parse(error.Metadata["opens_at"]));
        Assert.Contains("Registration for this dialogue is open from", error.Message);
    }

    [Fact]
    public async Task A_json_client_gets_the_same_details_in_the_error_body_through_the_gateway()
    {
        var user = await system.SignUpOrganizationUserAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/organizations")
        {
            Content = JsonContent.Create(new { name = "Nowhere Network", category = "STAKEHOLDER_CATEGORY_NGO", ecosocStatus = "ECOSOC_STATUS_NONE", country = "Kenya" }),
        };
        request.Headers.Authorization = new("Bearer", user.Token);
        using var response = await system.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, body.GetProperty("code").GetInt32());
        Assert.Equal("country: must be an ISO 3166-1 alpha-3 code such as KEN", body.GetProperty("message").GetString());
        var details = body.GetProperty("details").EnumerateArray().ToList();
        var info = Assert.Single(details, d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ErrorInfo");
        Assert.Equal("COUNTRY_INVALID", info.GetProperty("reason").GetString());
        Assert.Equal("accreditation.registration", info.GetProperty("domain").GetString());
        Assert.Equal("KENYA", info.GetProperty("metadata").GetProperty("value").GetString());
        var badRequest = Assert.Single(details, d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest");
        var violation = Assert.Single(badRequest.GetProperty("fieldViolations").EnumerateArray());
        Assert.Equal("country", violation.GetProperty("field").GetString());
        Assert.Equal("must be an ISO 3166-1 alpha-3 code such as KEN", violation.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_json_client_gets_the_reason_and_resource_of_a_missing_object()
    {
        // Without a token the call is refused before any service: the edge's own answer.
        using var anonymous = await system.Http.PostAsJsonAsync("/v1/organizations", new { name = "Anonymous" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var user = await system.SignUpOrganizationUserAsync();
        var unknown = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/organizations/{unknown}");
        request.Headers.Authorization = new("Bearer", user.Token);
        using var response = await system.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var details = body.GetProperty("details").EnumerateArray().ToList();
        var info = Assert.Single(details, d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ErrorInfo");
        Assert.Equal("ORGANIZATION_NOT_FOUND", info.GetProperty("reason").GetString());
        var resource = Assert.Single(details, d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ResourceInfo");
        Assert.Equal(unknown, resource.GetProperty("resourceName").GetString());
    }
}
