using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Accreditation.Examples.StateClient;
using Accreditation.FunctionalTests.Infrastructure;
using ObjectionsV1 = Accreditation.Objections.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Api;

/// <summary>
/// docs/states-api.md as a State's developer follows it: every runnable example of the guide
/// (curl, Python, C#) files and withdraws a real objection through the gateway, and the API
/// reference it points to is served without a token.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class StateDeveloperGuideTests(SystemFixture system)
{
    const string Guide = "docs/states-api.md";
    readonly Clients _api = new(system);

    [Fact]
    public async Task The_guides_curl_steps_file_and_withdraw_an_objection()
    {
        var (state, application) = await CirculatedApplicantAsync("AUT", "Curl Street Observatory");
        var script = string.Join('\n', CodeBlocks("bash curl"));

        var (code, output, error) = await Processes.RunAsync("bash", ["-euo", "pipefail", "-c", script], Environment(state, application), TimeSpan.FromMinutes(1));

        Assert.True(code == 0, $"the curl steps failed ({code}): {output}{error}");
        await AssertFiledAndWithdrawnAsync(state, application, output);
    }

    [Fact]
    public async Task The_guides_python_example_files_and_withdraws_an_objection()
    {
        var (state, application) = await CirculatedApplicantAsync("BRA", "Python Lane Institute");
        Assert.Equal(RepositoryRoot.Read("docs/examples/state_objections.py").TrimEnd(), Assert.Single(CodeBlocks("python")).TrimEnd());

        var (code, output, error) = await Processes.RunAsync("python3", ["docs/examples/state_objections.py"], Environment(state, application), TimeSpan.FromMinutes(1));

        Assert.True(code == 0, $"the Python example failed ({code}): {output}{error}");
        await AssertFiledAndWithdrawnAsync(state, application, output);
    }

    [Fact]
    public async Task The_guides_csharp_example_files_and_withdraws_an_objection()
    {
        var (state, application) = await CirculatedApplicantAsync("KEN", "Sharp Corner Foundation");
        Assert.Equal(RepositoryRoot.Read("docs/examples/StateClient/StateObjections.cs").TrimEnd(), Assert.Single(CodeBlocks("csharp")).TrimEnd());
        var output = new StringWriter();

        await StateObjections.RunAsync(system.System.GatewayHttp, system.System.GatewayGrpc, state.ClientId, state.ClientSecret, application.ApplicationId, output);

        await AssertFiledAndWithdrawnAsync(state, application, output.ToString());
    }

    [Fact]
    public async Task A_second_objection_by_the_same_State_is_refused_and_the_csharp_example_says_why()
    {
        var (state, application) = await CirculatedApplicantAsync("MEX", "Twice Told Trust");
        await _api.ObjectAsync(await system.ClientTokenAsync(state.ClientId), application);
        var output = new StringWriter();

        var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() =>
            StateObjections.RunAsync(system.System.GatewayHttp, system.System.GatewayGrpc, state.ClientId, state.ClientSecret, application.ApplicationId, output));

        Assert.Equal(Grpc.Core.StatusCode.AlreadyExists, refused.StatusCode);
        Assert.Contains($"refused: AlreadyExists: MEX has already filed an objection to application {application.ApplicationId}", output.ToString());
    }

    [Theory]
    [InlineData("objections", "/v1/objections", "post", "States parties: objects to an applicant before the circulation's deadline")]
    [InlineData("objections", "/v1/circulated-applicants", "get", "the applicants circulated for objection")]
    [InlineData("registration", "/v1/applications/{applicationId}/history", "get", "Every recorded transition of the application")]
    [InlineData("notifications", "/v1/inbox/notices", "get", "The caller's own notices")]
    public async Task Each_services_OpenAPI_document_is_served_by_the_gateway_without_a_token_with_the_proto_comments(
        string service, string path, string method, string description)
    {
        using var response = await system.Http.GetAsync($"openapi/{service}.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);
        Assert.Contains(description, operation.GetProperty("summary").GetString());
        Assert.True(document.RootElement.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("bearer", out _));
    }

    [Fact]
    public async Task The_API_reference_page_lists_every_services_document()
    {
        using var page = await system.Http.GetAsync("api/index.html");
        using var settings = await system.Http.GetAsync("api/index.js");
        using var viewer = await system.Http.GetAsync("api/swagger-ui-bundle.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Accreditation API reference</title>", await page.Content.ReadAsStringAsync());
        // The viewer's own files, not the portal's page for an unknown path.
        Assert.Equal((HttpStatusCode.OK, "text/javascript"), (viewer.StatusCode, viewer.Content.Headers.ContentType?.MediaType));
        var script = await settings.Content.ReadAsStringAsync();
        Assert.All(new[] { "identity", "registration", "objections", "notifications" },
            service => Assert.Contains($"/openapi/{service}.json", script));
    }

    async Task<(StandaloneClient State, RegistrationV1.Application Application)> CirculatedApplicantAsync(string stateCode, string organizationName)
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer, RegistrationV1.ObjectionEffect.Exclude);
        var user = await system.SignUpOrganizationUserAsync();
        var organization = await _api.CreateOrganizationAsync(user, organizationName);
        var application = await _api.ApplyAsync(user, organization, dialogue);
        await _api.ScreenEligibleAsync(officer, application);
        await _api.CirculateAsync(officer, dialogue, TimeSpan.FromDays(7));
        var client = system.System.Credentials.Clients.Single(c => c.ClientId == $"state-{stateCode.ToLowerInvariant()}");
        await _api.CirculatedAsync(await system.ClientTokenAsync(client.ClientId), dialogue, expected: 1);
        return (new StandaloneClient(client.ClientId, client.ClientSecret, stateCode), application);
    }

    Dictionary<string, string> Environment(StandaloneClient state, RegistrationV1.Application application) => new()
    {
        ["GATEWAY"] = system.System.GatewayHttp.ToString().TrimEnd('/'),
        ["CLIENT_ID"] = state.ClientId,
        ["CLIENT_SECRET"] = state.ClientSecret,
        ["APPLICATION_ID"] = application.ApplicationId,
    };

    /// <summary>What the example printed is what the system holds: the State's objection, filed and withdrawn.</summary>
    async Task AssertFiledAndWithdrawnAsync(StandaloneClient state, RegistrationV1.Application application, string output)
    {
        var officer = await system.OfficerTokenAsync();
        var objections = await _api.Objections.ListObjectionsAsync(new ObjectionsV1.ListObjectionsRequest { ApplicationId = application.ApplicationId }, SystemFixture.Bearer(officer));
        var objection = Assert.Single(objections.Objections);
        Assert.Equal(state.StateCode, objection.StateCode);
        Assert.NotNull(objection.WithdrawnAt);
        Assert.Contains($"circulated: {application.ApplicationId} ", output);
        Assert.Contains($"filed: {objection.ObjectionId}", output);
        Assert.Contains($"withdrawn: {objection.ObjectionId} at ", output);
    }

    /// <summary>The fenced code blocks of the guide whose info string is exactly <paramref name="info"/>.</summary>
    static IReadOnlyList<string> CodeBlocks(string info) =>
        FencedBlock().Matches(RepositoryRoot.Read(Guide)).Where(m => m.Groups["info"].Value.Trim() == info).Select(m => m.Groups["code"].Value).ToList();

    [GeneratedRegex(@"^```(?<info>[^\n`]*)\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    sealed record StandaloneClient(string ClientId, string ClientSecret, string StateCode);
}
