using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.Registration.Domain.Ledger;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ObjectionsV1 = Accreditation.Objections.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests;

/// <summary>The decision ledger through the gateway: what it records, who may read it, export and verification.</summary>
[Collection(SystemCollection.Name)]
public sealed class LedgerTests(SystemFixture system)
{
    readonly Clients _api = new(system);
    RegistrationV1.LedgerService.LedgerServiceClient Ledger => new(system.Grpc);

    [Fact]
    public async Task After_a_whole_path_the_secretariat_sees_every_transition_and_the_objection_with_its_state_and_the_ledger_verifies()
    {
        var officer = await system.OfficerTokenAsync();
        var auditor = await system.AuditorTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer, RegistrationV1.ObjectionEffect.Exclude);
        var user = await system.SignUpOrganizationUserAsync();
        var organization = await _api.CreateOrganizationAsync(user, "Ledger Watch Collective");
        var application = await _api.ApplyAsync(user, organization, dialogue);
        await _api.ScreenEligibleAsync(officer, application);
        await _api.CirculateAsync(officer, dialogue, TimeSpan.FromDays(1));
        var austria = await system.StateTokenAsync("AUT");
        await _api.CirculatedAsync(austria, dialogue, expected: 1);
        await _api.ObjectAsync(austria, application, "Activities outside the scope of the Protocol");
        await EntriesAsync(auditor, application, until: e => e.Any(x => x.Kind == "objection-filed"));

        system.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var entries = await EntriesAsync(auditor, application, until: e => e.Any(x => x.StateAfter == "NotAdmitted"));

        Assert.Equal(
            new[] { "transition Draft>Submitted", "transition Submitted>Eligible", "transition Eligible>Circulated",
                    "objection-filed >", "window-closed >", "transition Circulated>NotAdmitted" },
            entries.Select(e => $"{e.Kind} {e.StateBefore}>{e.StateAfter}"));
        Assert.All(entries, e => Assert.Equal((organization.OrganizationId, dialogue.DialogueId), (e.OrganizationId, e.DialogueId)));
        var objection = entries.Single(e => e.Kind == "objection-filed");
        Assert.Equal(("AUT", "state", "AUT", "Activities outside the scope of the Protocol"),
            (objection.ActorSubject, objection.ActorRole, objection.Details["stateCode"], objection.Details["grounds"]));
        Assert.StartsWith("message:", objection.CorrelationId);
        var screening = entries[1];
        Assert.Equal("officer", screening.ActorRole);
        Assert.NotEmpty(screening.ActorSubject);
        Assert.StartsWith("trace:", screening.CorrelationId);
        Assert.Equal((user.Subject, "organization"), (entries[0].ActorSubject, entries[0].ActorRole));
        Assert.DoesNotContain(entries, e => e.Reason.Contains(user.Email) || e.Details.Values.Any(v => v.Contains(user.Email)));
        Assert.All(entries.Zip(entries.Skip(1)), pair => Assert.True(pair.First.Sequence < pair.Second.Sequence));

        // The officer reads it too, by dialogue, organization, actor and time.
        var byDialogue = await Ledger.ListLedgerEntriesAsync(new RegistrationV1.ListLedgerEntriesRequest { DialogueId = dialogue.DialogueId }, SystemFixture.Bearer(officer));
        Assert.Equal(entries.Select(e => e.Hash), byDialogue.Entries.Select(e => e.Hash));
        var byOrganization = await Ledger.ListLedgerEntriesAsync(new RegistrationV1.ListLedgerEntriesRequest { OrganizationId = organization.OrganizationId }, SystemFixture.Bearer(officer));
        Assert.Equal(entries.Count, byOrganization.Entries.Count);
        var byActor = await Ledger.ListLedgerEntriesAsync(new RegistrationV1.ListLedgerEntriesRequest { ActorSubject = user.Subject }, SystemFixture.Bearer(auditor));
        Assert.Equal(entries[0].Hash, Assert.Single(byActor.Entries).Hash);
        // The decision came a day after the rest (simulated clock): a range around it holds only the closing entries.
        var inWindow = await Ledger.ListLedgerEntriesAsync(new RegistrationV1.ListLedgerEntriesRequest
        {
            DialogueId = dialogue.DialogueId, From = entries[^1].At, To = Timestamp.FromDateTimeOffset(entries[^1].At.ToDateTimeOffset().AddMinutes(1)),
        }, SystemFixture.Bearer(auditor));
        Assert.Contains(inWindow.Entries, e => e.Hash == entries[^1].Hash);
        Assert.DoesNotContain(inWindow.Entries, e => e.Hash == entries[0].Hash);
        var firstPage = await Ledger.ListLedgerEntriesAsync(new RegistrationV1.ListLedgerEntriesRequest { DialogueId = dialogue.DialogueId, PageSize = 4 }, SystemFixture.Bearer(auditor));
        var secondPage = await Ledger.ListLedgerEntriesAsync(new RegistrationV1.ListLedgerEntriesRequest { DialogueId = dialogue.DialogueId, PageSize = 4, PageToken = firstPage.NextPageToken }, SystemFixture.Bearer(auditor));
        Assert.Equal(entries.Select(e => e.Hash), firstPage.Entries.Concat(secondPage.Entries).Select(e => e.Hash));
        Assert.Equal("", secondPage.NextPageToken);

        // Exported JSON verifies with the stand-alone verifier's code, and matches the service's own verification.
        var export = await ExportAsync(auditor, RegistrationV1.ExportFormat.Json);
        var offline = await ExportedLedgerEntry.VerifyAsync(new MemoryStream(export), [], CancellationToken.None);
        Assert.True(offline.Ok, offline.Message);
        // The file holds the signed head of exactly its entries, above them.
        using var file = JsonDocument.Parse(export);
        var exported = file.RootElement.GetProperty("entries").Deserialize<List<ExportedLedgerEntry>>(ExportedLedgerEntry.Json)!;
        var ownHead = file.RootElement.GetProperty("treeHead").Deserialize<ExportedTreeHead>(ExportedLedgerEntry.Json)!;
        Assert.Equal((long)exported.Count, ownHead.Size);
        Assert.Equal(offline.RootHash, ownHead.RootHash);
        Assert.StartsWith($"{ownHead.Size}\n", ownHead.Checkpoint[(ownHead.Checkpoint.IndexOf('\n') + 1)..]);
        Assert.Contains(exported, e => e.Hash == objection.Hash && e.PreviousHash == objection.PreviousHash);
        var verified = await Ledger.VerifyLedgerAsync(new RegistrationV1.VerifyLedgerRequest
        {
            CheckpointCount = offline.Count, CheckpointHeadHash = offline.HeadHash,
        }, SystemFixture.Bearer(auditor));
        Assert.True(verified.Ok, verified.Message);
        Assert.True(verified.Count >= offline.Count);
        Assert.Equal(64, verified.HeadHash.Length);
        Assert.Equal(RegistrationV1.VerificationProblem.Unspecified, verified.Problem);

        // A checkpoint on demand names the head, and a verification against it still holds.
        var checkpoint = await Ledger.CheckpointLedgerAsync(new RegistrationV1.CheckpointLedgerRequest(), SystemFixture.Bearer(officer));
        Assert.True(checkpoint.Count >= offline.Count);
        var againstCheckpoint = await Ledger.VerifyLedgerAsync(new RegistrationV1.VerifyLedgerRequest
        {
            CheckpointCount = checkpoint.Count, CheckpointHeadHash = checkpoint.HeadHash,
        }, SystemFixture.Bearer(auditor));
        Assert.True(againstCheckpoint.Ok, againstCheckpoint.Message);
        var forged = await Ledger.VerifyLedgerAsync(new RegistrationV1.VerifyLedgerRequest
        {
            CheckpointCount = checkpoint.Count, CheckpointHeadHash = new string('a', 64),
        }, SystemFixture.Bearer(auditor));
        Assert.Equal((false, RegistrationV1.VerificationProblem.CheckpointMismatch, checkpoint.Count), (forged.Ok, forged.Problem, forged.EntrySequence));
    }

    [Fact]
    public async Task Only_officers_and_auditors_read_the_ledger_over_grpc_and_json()
    {
        var user = await system.SignUpOrganizationUserAsync();
        var state = await system.StateTokenAsync("BRA");
        foreach (var call in new[] { user.Call, SystemFixture.Bearer(state) })
        {
            await AssertDeniedAsync(Ledger.ListLedgerEntriesAsync(new RegistrationV1.ListLedgerEntriesRequest(), call).ResponseAsync);
            await AssertDeniedAsync(Ledger.VerifyLedgerAsync(new RegistrationV1.VerifyLedgerRequest(), call).ResponseAsync);
            await AssertDeniedAsync(Ledger.CheckpointLedgerAsync(new RegistrationV1.CheckpointLedgerRequest(), call).ResponseAsync);
            await AssertDeniedAsync(ReadAllAsync(Ledger.ExportLedger(new RegistrationV1.ExportLedgerRequest { Format = RegistrationV1.ExportFormat.Json }, call)));
        }

        using var denied = await GetAsync("/v1/ledger/export?format=csv", user.Token);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        using var deniedJson = await GetAsync("/v1/ledger/entries", state);
        Assert.Equal(HttpStatusCode.Forbidden, deniedJson.StatusCode);
    }

    [Fact]
    public async Task A_refused_ledger_export_names_its_reason_and_a_wrong_format_its_field()
    {
        var user = await system.SignUpOrganizationUserAsync();
        using var denied = await GetAsync("/v1/ledger/export?format=csv", user.Token);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var refusal = await denied.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ROLE_NOT_ALLOWED", refusal.GetProperty("reason").GetString());
        var info = refusal.GetProperty("details").EnumerateArray().Single(d => d.GetProperty("@type").GetString()!.EndsWith("google.rpc.ErrorInfo"));
        Assert.Equal(("ROLE_NOT_ALLOWED", "accreditation.registration"), (info.GetProperty("reason").GetString(), info.GetProperty("domain").GetString()));

        using var wrong = await GetAsync("/v1/ledger/export?format=xml", await system.AuditorTokenAsync());
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var invalid = await wrong.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("VALUE_NOT_ALLOWED", invalid.GetProperty("reason").GetString());
        var field = invalid.GetProperty("details").EnumerateArray().Single(d => d.GetProperty("@type").GetString()!.EndsWith("google.rpc.BadRequest"));
        Assert.Equal("format", field.GetProperty("fieldViolations")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_json_api_serves_entries_verification_and_a_streamed_csv_and_json_export()
    {
        var auditor = await system.AuditorTokenAsync();
        using var entries = await GetAsync("/v1/ledger/entries?pageSize=5", auditor);
        Assert.Equal(HttpStatusCode.OK, entries.StatusCode);

        using var verify = new HttpRequestMessage(HttpMethod.Post, "/v1/ledger/entries:verify") { Content = JsonContent.Create(new { }) };
        verify.Headers.Authorization = new AuthenticationHeaderValue("Bearer", auditor);
        using var verified = await system.Http.SendAsync(verify);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var body = await verified.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("ok").GetBoolean(), body.ToString());

        using var csv = await GetAsync("/v1/ledger/export?format=csv", auditor);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("sequence,previous_hash,hash,", await csv.Content.ReadAsStringAsync());

        using var json = await GetAsync("/v1/ledger/export?format=json", auditor);
        var offline = await ExportedLedgerEntry.VerifyAsync(await json.Content.ReadAsStreamAsync(), [], CancellationToken.None);
        Assert.True(offline.Ok, offline.Message);
    }

    async Task<IReadOnlyList<RegistrationV1.LedgerEntry>> EntriesAsync(string token, RegistrationV1.Application application, Func<IReadOnlyList<RegistrationV1.LedgerEntry>, bool> until) =>
        await SystemFixture.EventuallyAsync(
            async () => (IReadOnlyList<RegistrationV1.LedgerEntry>)(await Ledger.ListLedgerEntriesAsync(
                new RegistrationV1.ListLedgerEntriesRequest { ApplicationId = application.ApplicationId }, SystemFixture.Bearer(token))).Entries.ToList(),
            until, "the ledger entries of the application");

    async Task<byte[]> ExportAsync(string token, RegistrationV1.ExportFormat format)
    {
        using var call = Ledger.ExportLedger(new RegistrationV1.ExportLedgerRequest { Format = format }, SystemFixture.Bearer(token));
        var file = new MemoryStream();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
            chunk.Chunk.WriteTo(file);
        return file.ToArray();
    }

    static async Task<bool> ReadAllAsync(AsyncServerStreamingCall<RegistrationV1.ExportLedgerResponse> call)
    {
        using (call)
            await foreach (var _ in call.ResponseStream.ReadAllAsync()) { }
        return true;
    }

    static async Task AssertDeniedAsync<T>(Task<T> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    async Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await system.Http.SendAsync(request);
    }
}
