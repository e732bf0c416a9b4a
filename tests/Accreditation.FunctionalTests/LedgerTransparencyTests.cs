using System.Net;
using System.Net.Http.Headers;
using Accreditation.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using InboxV1 = Accreditation.Notifications.V1;
using ObjectionsV1 = Accreditation.Objections.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests;

/// <summary>
/// The ledger as a transparency log, on the real host: heads witnessed by Notifications and e-mailed
/// to the auditors; an organization and a State check their own entries with the offline verifier;
/// a truncated file, then a fork, caught by the verification against the witness and by the
/// verifier with a head taken earlier, and alerted to the auditors.
/// </summary>
public sealed class LedgerTransparencyTests : IAsyncLifetime
{
    const string AuditorMailbox = "ledger-auditor@example.org";
    SmtpSink _smtp = null!;
    SystemFixture _system = null!;
    readonly string _work = Path.Combine(Path.GetTempPath(), $"ledger-transparency-{Guid.NewGuid():N}");

    RegistrationV1.LedgerService.LedgerServiceClient Ledger => new(_system.Grpc);
    InboxV1.LedgerWitnessService.LedgerWitnessServiceClient Witness => new(_system.Grpc);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_work);
        _smtp = await SmtpSink.StartAsync();
        var settings = SystemFixture.MailSettings(_smtp);
        settings["Notifications:LedgerWitness:AuditorEmails"] = AuditorMailbox;
        // A head after every new entry, looked for often: the test waits for facts, not for minutes.
        settings["Ledger:TreeHeadEveryEntries"] = "1";
        settings["Ledger:TreeHeadPollInterval"] = "00:00:00.200";
        _system = new SystemFixture(settings) { Mail = _smtp };
        await _system.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _system.DisposeAsync();
        await _smtp.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Parties_prove_their_own_entries_offline_and_a_truncated_then_forked_log_is_caught_against_the_witness_and_alerted()
    {
        var officer = await _system.OfficerTokenAsync();
        var auditor = await _system.AuditorTokenAsync();
        var steps = new ParticipationSteps(_system);
        var api = steps.Api;

        // An admission (ECOSOC status, not circulated) and, in another dialogue, an objection by Austria.
        var admittedDialogue = await steps.CreateDialogueAsync(officer);
        var admitted = await steps.AdmittedAsync(officer, admittedDialogue, "Transparency Admitted Network");
        var dialogue = await api.CreateDialogueAsync(officer);
        var objected = await steps.EligibleAsync(officer, dialogue, "Transparency Objected Forum", RegistrationV1.EcosocStatus.None);
        await api.Secretariat.CirculateApplicationsAsync(new RegistrationV1.CirculateApplicationsRequest
        {
            DialogueId = dialogue.DialogueId, Deadline = Timestamp.FromDateTimeOffset(_system.Clock.GetUtcNow().AddDays(10)),
        }, SystemFixture.Bearer(officer));
        var austria = await _system.StateTokenAsync("AUT");
        await api.CirculatedAsync(austria, dialogue, expected: 1);
        var objection = (await api.Objections.FileObjectionAsync(new ObjectionsV1.FileObjectionRequest { ApplicationId = objected.ApplicationId },
            SystemFixture.Bearer(austria))).Objection;
        var entries = await SystemFixture.EventuallyAsync(
            async () => (await Ledger.ListLedgerEntriesAsync(new RegistrationV1.ListLedgerEntriesRequest { PageSize = 200 }, SystemFixture.Bearer(auditor))).Entries,
            e => e.Any(x => x.Kind == "objection-filed"), "the objection in the ledger");
        var size = entries[^1].Sequence;

        // The witness holds a head of the whole log, and the auditors received it by e-mail.
        await SystemFixture.EventuallyAsync(() => HeldSizeAsync(auditor), held => held == size, $"the witness to hold a head of {size} entries");
        var mailed = await SystemFixture.EventuallyAsync(() => Task.FromResult(MailedHeads()), heads => heads.Any(h => h.Contains($"\n{size}\n")), "the head by e-mail");
        var head = Save("head-from-email.txt", mailed.Last(h => h.Contains($"\n{size}\n")));

        // The published key, without signing in.
        using (var keys = await _system.Http.GetAsync("/.well-known/accreditation-ledger.json"))
        {
            Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
            Save("keys.json", await keys.Content.ReadAsStringAsync());
        }
        var key = Path.Combine(_work, "keys.json");

        // The organization proves its admission entry against the e-mailed head; the State its objection's.
        var admission = await GetAsync($"/v1/ledger/proofs/inclusion?applicationId={admitted.ApplicationId}&stateAfter=Admitted&treeSize={size}", admitted.User.Token);
        var admissionCheck = Verifier("inclusion", Save("admission-proof.json", admission), "--key", key, "--head", head);
        Assert.True(admissionCheck.Code == 0, admissionCheck.Output);
        var filed = await GetAsync($"/v1/ledger/proofs/inclusion?objectionId={objection.ObjectionId}&treeSize={size}", austria);
        var objectionCheck = Verifier("inclusion", Save("objection-proof.json", filed), "--key", key, "--head", head);
        Assert.True(objectionCheck.Code == 0, objectionCheck.Output);
        Assert.Contains("objection-filed", objectionCheck.Output);
        // Neither gets the other's entry, nor does another State.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync($"/v1/ledger/proofs/inclusion?objectionId={objection.ObjectionId}", admitted.User.Token));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync($"/v1/ledger/proofs/inclusion?objectionId={objection.ObjectionId}", await _system.StateTokenAsync("BRA")));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync($"/v1/ledger/proofs/inclusion?applicationId={admitted.ApplicationId}&stateAfter=Admitted", austria));
        // A proof changed in one hash fails.
        var bent = System.Text.Json.Nodes.JsonNode.Parse(admission)!;
        var path = bent["auditPath"]!.AsArray();
        var hash = Convert.FromBase64String(path[0]!.GetValue<string>());
        hash[0] ^= 1;
        path[0] = Convert.ToBase64String(hash);
        var bentCheck = Verifier("inclusion", Save("bent-proof.json", bent.ToJsonString()), "--key", key, "--head", head);
        Assert.Equal(1, bentCheck.Code);
        Assert.Contains("does not lead to its root", bentCheck.Output);

        // The log's growth between the first head and the e-mailed one is proven offline.
        var first = Save("first-head.txt", (await Witness.ListWitnessedHeadsAsync(new InboxV1.ListWitnessedHeadsRequest(), SystemFixture.Bearer(auditor))).Heads[^1].Checkpoint);
        var firstSize = long.Parse(File.ReadAllLines(first)[1]);
        var consistency = Save("consistency.json", await GetAsync($"/v1/ledger/proofs/consistency?firstSize={firstSize}&secondSize={size}", auditor));
        var grown = Verifier("consistency", consistency, "--old", first, "--new", head, "--key", key);
        Assert.True(grown.Code == 0, grown.Output);
        Assert.Contains("extends", grown.Output);

        // The export holds the signed head of what it holds, at its top (and in a header, for clients that
        // read it), and verifies against it and the head taken earlier.
        string export, exportHead;
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/v1/ledger/export?format=json"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", auditor);
            using var response = await _system.Http.SendAsync(request);
            export = Save("export.json", await response.Content.ReadAsStringAsync());
            exportHead = Save("export-head.txt", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers.GetValues("Ledger-Tree-Head").Single())));
            Assert.Equal(File.ReadAllLines(exportHead)[1], response.Headers.GetValues("Ledger-Tree-Size").Single());
        }
        var ownHead = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(export))!["treeHead"]!;
        Assert.Equal(File.ReadAllText(exportHead), ownHead["checkpoint"]!.GetValue<string>());
        var exported = Verifier("verify", export, "--head", head, "--key", key);
        Assert.True(exported.Code == 0, exported.Output);
        Assert.Contains("head in the export:", exported.Output);
        Assert.Contains("consistent with 2 held tree head(s)", exported.Output);
        // An export whose head is swapped for an older one holds entries no head in it signs.
        var older = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(export))!;
        older["treeHead"] = new System.Text.Json.Nodes.JsonObject
        {
            ["size"] = firstSize, ["rootHash"] = SignedNoteRoot(first), ["checkpoint"] = File.ReadAllText(first),
        };
        var swapped = Verifier("verify", Save("swapped-head-export.json", older.ToJsonString()), "--key", key);
        Assert.True(swapped.Code == 1, swapped.Output);
        Assert.Contains($"its own head covers {firstSize}", swapped.Output);

        // Truncation: the host stopped, the triggers dropped, the last three entries, the checkpoints and
        // the heads deleted from registration.db; after a restart the log looks whole to itself only.
        await _system.StopAsync();
        Databases.Execute(_system, "registration",
            "DROP TRIGGER LedgerEntries_NoDelete; DROP TRIGGER SignedTreeHeads_NoDelete; " +
            $"DELETE FROM LedgerEntries WHERE Sequence > {size - 3}; DELETE FROM LedgerCheckpoints; DELETE FROM SignedTreeHeads;");
        await _system.StartAsync();
        // New ports after a restart: new tokens and clients.
        auditor = await _system.AuditorTokenAsync();
        officer = await _system.OfficerTokenAsync();
        steps = new ParticipationSteps(_system);

        var truncated = await Ledger.VerifyLedgerAsync(new RegistrationV1.VerifyLedgerRequest(), SystemFixture.Bearer(auditor));
        Assert.Equal((false, RegistrationV1.VerificationProblem.Truncated, size, size - 2, size), (truncated.Ok, truncated.Problem, truncated.WitnessedSize, truncated.RangeFirst, truncated.RangeLast));
        Assert.True(truncated.WitnessReached);
        Assert.Contains($"entries {size - 2} to {size} are missing", truncated.Message);
        var shortExport = Save("short-export.json", await GetAsync("/v1/ledger/export?format=json", auditor));
        var shortCheck = Verifier("verify", shortExport, "--head", head, "--key", key);
        Assert.Equal(1, shortCheck.Code);
        Assert.Contains("Truncated", shortCheck.Output);
        // The head signed at restart showed the witness the log shrank: the auditors are alerted.
        await SystemFixture.EventuallyAsync(() => AlertsAsync(auditor), alerts => alerts.Any(a => a.Subject.Contains("(Shrank)") && a.Body.Contains($"{size} entries")), "a shrink alert");

        // Fork: the log re-grown past the witnessed size with other entries.
        for (var i = 0; i < 4; i++)
            await steps.EligibleAsync(officer, dialogue, $"Transparency Later Entrant {i}", RegistrationV1.EcosocStatus.None);
        var forked = await Ledger.VerifyLedgerAsync(new RegistrationV1.VerifyLedgerRequest(), SystemFixture.Bearer(auditor));
        // Located at the first witnessed head past the cut, between the last head that still matches and it.
        Assert.Equal((false, RegistrationV1.VerificationProblem.InconsistentWithWitness), (forked.Ok, forked.Problem));
        Assert.InRange(forked.WitnessedSize, size - 2, size);
        Assert.Equal(forked.WitnessedSize, forked.RangeLast);
        Assert.InRange(forked.RangeFirst, 1, size - 2);
        // The head the caller holds (the e-mailed one) is enough on its own too.
        var againstMailed = await Ledger.VerifyLedgerAsync(new RegistrationV1.VerifyLedgerRequest { TreeHead = File.ReadAllText(head) }, SystemFixture.Bearer(auditor));
        Assert.Equal(RegistrationV1.VerificationProblem.InconsistentWithWitness, againstMailed.Problem);
        var forkedExport = Save("forked-export.json", await GetAsync("/v1/ledger/export?format=json", auditor));
        var forkCheck = Verifier("verify", forkedExport, "--head", head, "--key", key);
        Assert.Equal(1, forkCheck.Code);
        Assert.Contains("InconsistentWithWitness", forkCheck.Output);
        // Heads the forked log signs at or past the witnessed size are a fork (same size) or inconsistent (larger).
        await SystemFixture.EventuallyAsync(() => AlertsAsync(auditor), alerts => alerts.Any(a => a.Subject.Contains("(Forked)") || a.Subject.Contains("(Inconsistent)")), "a fork alert");
    }

    async Task<long> HeldSizeAsync(string auditor)
    {
        var heads = (await Witness.ListWitnessedHeadsAsync(new InboxV1.ListWitnessedHeadsRequest(), SystemFixture.Bearer(auditor))).Heads;
        return heads.Count == 0 ? 0 : heads[0].TreeSize;
    }

    async Task<IReadOnlyList<InboxV1.Notice>> AlertsAsync(string auditor) =>
        (await new InboxV1.InboxService.InboxServiceClient(_system.Grpc).ListNoticesAsync(new InboxV1.ListNoticesRequest { PageSize = 100 }, SystemFixture.Bearer(auditor)))
            .Notices.Where(n => n.Kind == "ledger-inconsistent").ToList();

    /// <summary>The signed heads e-mailed to the auditors: the note between the e-mail's "-----" lines.</summary>
    List<string> MailedHeads() =>
        _smtp.Received().Where(m => m.To.Mailboxes.Any(a => a.Address == AuditorMailbox))
            .Select(m => (m.TextBody ?? "").Replace("\r\n", "\n").Split("-----\n"))
            .Where(parts => parts.Length >= 3)
            .Select(parts => parts[1])
            .ToList();

    string Save(string name, string content)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, content);
        return path;
    }

    async Task<string> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _system.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    async Task<HttpStatusCode> StatusAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _system.Http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The hex root a head file's note signs (its third line: the base64 root).</summary>
    static string SignedNoteRoot(string headFile) => Convert.ToHexStringLower(Convert.FromBase64String(File.ReadAllLines(headFile)[2]));

    /// <summary>Runs tools/LedgerVerifier as an auditor would: its exit code, and what it printed.</summary>
    static (int Code, string Output) Verifier(params string[] args) => LedgerVerifierTool.Run(args);
}
