using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Accreditation.Objections.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Accreditation.Examples.StateClient;

/// <summary>A State party's objection, end to end, over gRPC with Grpc.Net.Client.</summary>
public static class StateObjections
{
    /// <param name="tokenEndpoint">The gateway's HTTP address (the token endpoint is /connect/token).</param>
    /// <param name="grpcEndpoint">The gateway's gRPC address.</param>
    public static async Task RunAsync(Uri tokenEndpoint, Uri grpcEndpoint, string clientId, string clientSecret,
        string applicationId, TextWriter output, CancellationToken ct = default)
    {
        // 1. A token for the State's client (valid for an hour; ask again when it expires).
        using var http = new HttpClient { BaseAddress = tokenEndpoint };
        using var tokenResponse = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }), ct);
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<TokenResponse>(ct))!.AccessToken;
        var bearer = new Metadata { { "Authorization", $"Bearer {token}" } };

        using var channel = GrpcChannel.ForAddress(grpcEndpoint);
        var circulations = new CirculationService.CirculationServiceClient(channel);
        var objections = new ObjectionService.ObjectionServiceClient(channel);

        // 2. The applicants whose objection window is open.
        var open = await circulations.ListCirculatedApplicantsAsync(new ListCirculatedApplicantsRequest { OpenOnly = true }, bearer, cancellationToken: ct);
        foreach (var applicant in open.Applicants)
            output.WriteLine($"circulated: {applicant.ApplicationId} {applicant.Name} ({applicant.Country}) until {applicant.Deadline.ToDateTimeOffset():u}");

        // 3. File an objection (the State is the client's own, never a field of the request).
        try
        {
            var filed = await objections.FileObjectionAsync(new FileObjectionRequest
            {
                ApplicationId = applicationId,
                Grounds = "Activities outside the scope of the Convention",
            }, bearer, cancellationToken: ct);
            output.WriteLine($"filed: {filed.Objection.ObjectionId}");

            // 4. Withdraw it while the window is still open.
            var withdrawn = await objections.WithdrawObjectionAsync(new WithdrawObjectionRequest { ObjectionId = filed.Objection.ObjectionId }, bearer, cancellationToken: ct);
            output.WriteLine($"withdrawn: {withdrawn.Objection.ObjectionId} at {withdrawn.Objection.WithdrawnAt.ToDateTimeOffset():u}");
        }
        catch (RpcException refused) when (refused.StatusCode is StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.InvalidArgument)
        {
            // The status says why: the window closed, an objection already filed, a malformed id.
            output.WriteLine($"refused: {refused.StatusCode}: {refused.Status.Detail}");
            throw;
        }
    }

    sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);
}
