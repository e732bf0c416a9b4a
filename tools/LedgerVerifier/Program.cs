using Accreditation.Registration.Domain.Ledger;

// Usage: verify <export.json> [--checkpoint <count>:<head-hash>]...
// Exit codes: 0 the chain verifies, 1 it does not (the first failing entry is named), 2 usage or file error.
if (args is not ["verify", var path, .. var rest])
    return Usage("expected: verify <export.json> [--checkpoint <count>:<head-hash>]...");

var checkpoints = new List<LedgerCheckpointMark>();
for (var i = 0; i < rest.Length; i++)
{
    if (rest[i] != "--checkpoint" || i + 1 >= rest.Length || rest[++i].Split(':') is not [var count, var hash]
        || !long.TryParse(count, out var n) || n < 1 || hash.Length != 64)
        return Usage($"unexpected argument '{rest[i]}'; a checkpoint is --checkpoint <count>:<64 hex characters>");
    checkpoints.Add(new LedgerCheckpointMark(n, hash.ToLowerInvariant()));
}

try
{
    await using var file = File.OpenRead(path);
    var result = await ExportedLedgerEntry.VerifyAsync(file, checkpoints, CancellationToken.None);
    Console.WriteLine(result.Ok ? "OK" : $"BROKEN: {result.Problem} at entry {result.EntrySequence}");
    Console.WriteLine(result.Message);
    Console.WriteLine($"entries verified: {result.Count}");
    Console.WriteLine($"head hash: {result.HeadHash}");
    return result.Ok ? 0 : 1;
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException or FormatException)
{
    Console.Error.WriteLine($"Cannot read {path}: {ex.Message}");
    return 2;
}

static int Usage(string problem)
{
    Console.Error.WriteLine($"LedgerVerifier: {problem}");
    return 2;
}
