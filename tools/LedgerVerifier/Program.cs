using System.Text.Json;
using Accreditation.LedgerVerifier;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.Transparency;

// Offline checks of the decision ledger, with the log's published public key (--key: a C2SP verifier
// key, or a file holding /.well-known/accreditation-ledger.json or one verifier key per line):
//   verify <export.json> [--head <head.txt>]... [--checkpoint <count>:<head-hash>]... [--key <key>]
//     (with --key, the signed head at the top of the export is checked too: its signature, and that it
//     covers exactly the entries in the file)
//   inclusion <proof.json> --key <key> [--head <head.txt>]
//   consistency <proof.json> --old <head.txt> --new <head.txt> --key <key>
//   head <head.txt> --key <key>
// A head is a signed tree head (C2SP checkpoint note) as e-mailed or returned by the API; a proof is
// the JSON the API returns (GET /v1/ledger/proofs/inclusion, /v1/ledger/proofs/consistency).
// Exit codes: 0 everything checked holds, 1 something does not (named), 2 usage or file error.
try
{
    return args switch
    {
        ["verify", var path, .. var rest] => await Commands.VerifyExportAsync(path, Options.Parse(rest)),
        ["inclusion", var path, .. var rest] => Commands.Inclusion(path, Options.Parse(rest)),
        ["consistency", var path, .. var rest] => Commands.Consistency(path, Options.Parse(rest)),
        ["head", var path, .. var rest] => Commands.Head(path, Options.Parse(rest)),
        _ => Commands.Usage("expected: verify <export.json> | inclusion <proof.json> | consistency <proof.json> | head <head.txt>, with --key <key>"),
    };
}
catch (UsageException e)
{
    return Commands.Usage(e.Message);
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidDataException or FormatException or KeyNotFoundException or InvalidOperationException)
{
    Console.Error.WriteLine($"LedgerVerifier: cannot read the input: {ex.Message}");
    return 2;
}

namespace Accreditation.LedgerVerifier
{
    sealed class UsageException(string message) : Exception(message);

    /// <summary>The options after the file: --key, --head (repeatable), --old, --new, --checkpoint (repeatable).</summary>
    sealed record Options(IReadOnlyList<string> Keys, IReadOnlyList<string> Heads, string? Old, string? New, IReadOnlyList<LedgerCheckpointMark> Checkpoints)
    {
        public static Options Parse(string[] rest)
        {
            List<string> keys = [], heads = [];
            List<LedgerCheckpointMark> checkpoints = [];
            string? old = null, @new = null;
            for (var i = 0; i < rest.Length; i++)
            {
                var name = rest[i];
                if (i + 1 >= rest.Length)
                    throw new UsageException($"'{name}' needs a value");
                var value = rest[++i];
                switch (name)
                {
                    case "--key": keys.Add(value); break;
                    case "--head": heads.Add(value); break;
                    case "--old": old = value; break;
                    case "--new": @new = value; break;
                    case "--checkpoint":
                        if (value.Split(':') is not [var count, var hash] || !long.TryParse(count, out var n) || n < 1 || hash.Length != 64)
                            throw new UsageException($"'{value}': a checkpoint is --checkpoint <count>:<64 hex characters>");
                        checkpoints.Add(new LedgerCheckpointMark(n, hash.ToLowerInvariant()));
                        break;
                    default: throw new UsageException($"unexpected argument '{name}'");
                }
            }
            return new Options(keys, heads, old, @new, checkpoints);
        }

        /// <summary>The verifier keys given: each --key a key itself or a file of keys.</summary>
        public IReadOnlyList<NoteVerifierKey> VerifierKeys()
        {
            if (Keys.Count == 0)
                throw new UsageException("--key <verifier key or file> is required: the log's public key (GET /.well-known/accreditation-ledger.json)");
            var found = new List<NoteVerifierKey>();
            foreach (var key in Keys)
            {
                IEnumerable<string> texts = [key];
                if (File.Exists(key))
                {
                    var content = File.ReadAllText(key);
                    texts = content.TrimStart().StartsWith('{')
                        ? JsonDocument.Parse(content).RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("verifierKey").GetString() ?? "")
                        : content.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                }
                foreach (var text in texts)
                    found.Add(NoteVerifierKey.Parse(text) ?? throw new UsageException($"'{text}' is not an Ed25519 verifier key (name+keyid+base64)"));
            }
            return found;
        }
    }

    static class Commands
    {
        public static int Usage(string problem)
        {
            Console.Error.WriteLine($"LedgerVerifier: {problem}");
            return 2;
        }

        /// <summary>A head file's signed note, opened with the keys; exits 1 through the caller when it does not verify.</summary>
        static TreeHead? OpenHead(string note, IReadOnlyList<NoteVerifierKey> keys, string what)
        {
            var head = SignedNote.Open(note, keys, out var signer, out var problem);
            if (head is null)
                Console.WriteLine($"BROKEN: {what} is not a head signed by the log's key: {problem}");
            else
                Console.WriteLine($"{what}: {head.Origin}, {head.Size} entries, root {head.RootHex}, signed {head.At:yyyy-MM-dd'T'HH:mm:ss'Z'} by key {signer!.KeyIdHex}");
            return head;
        }

        public static int Head(string path, Options options)
        {
            var head = OpenHead(File.ReadAllText(path), options.VerifierKeys(), "head");
            return head is null ? 1 : 0;
        }

        public static async Task<int> VerifyExportAsync(string path, Options options)
        {
            var heads = new List<WitnessedRoot>();
            if (options.Heads.Count > 0)
            {
                var keys = options.VerifierKeys();
                foreach (var file in options.Heads)
                {
                    if (OpenHead(File.ReadAllText(file), keys, $"head {Path.GetFileName(file)}") is not { } head)
                        return 1;
                    heads.Add(new WitnessedRoot(head.Size, head.RootHex, $"the head in {Path.GetFileName(file)}"));
                }
            }
            // The export's own head, at its top: signed by the log, of exactly the entries that follow.
            ExportedTreeHead? own;
            await using (var top = File.OpenRead(path))
                own = await LedgerExportFile.ReadHeadAsync(top, CancellationToken.None);
            if (own is not null && options.Keys.Count > 0)
            {
                if (OpenHead(own.Checkpoint, options.VerifierKeys(), "head in the export") is not { } head)
                    return 1;
                if (head.Size != own.Size || !string.Equals(head.RootHex, own.RootHash, StringComparison.OrdinalIgnoreCase))
                {
                    Console.WriteLine($"BROKEN: the export's head says {own.Size} entries, root {own.RootHash}, but its signed note says {head.Size}, root {head.RootHex}");
                    return 1;
                }
                heads.Add(new WitnessedRoot(head.Size, head.RootHex, "the export's own head"));
            }
            // Said after the verdict: the first line of the output is OK or BROKEN.
            var note = own is null ? "note: the export holds no signed head"
                : options.Keys.Count == 0 ? "note: the head in the export was not checked (no --key)" : null;
            await using var export = File.OpenRead(path);
            var result = await ExportedLedgerEntry.VerifyAsync(export, options.Checkpoints, heads, CancellationToken.None);
            // Entries after the export's head are signed by nothing in the file.
            if (result.Ok && own is not null && options.Keys.Count > 0 && result.Count != own.Size)
                result = result with
                {
                    Ok = false, Problem = LedgerProblem.InconsistentWithWitness, EntrySequence = own.Size + 1,
                    Message = $"The export holds {result.Count} entries but its own head covers {own.Size}: entries {own.Size + 1} to {result.Count} were added to the file.",
                };
            Console.WriteLine(result.Ok ? "OK" : $"BROKEN: {result.Problem} at entry {result.EntrySequence}"
                + (result.Range is { } range ? $" (entries {range.First} to {range.Last}, head of {result.WitnessedSize})" : ""));
            Console.WriteLine(result.Message);
            Console.WriteLine($"entries verified: {result.Count}");
            Console.WriteLine($"head hash: {result.HeadHash}");
            Console.WriteLine($"merkle root: {result.RootHash}");
            if (note is not null)
                Console.WriteLine(note);
            return result.Ok ? 0 : 1;
        }

        public static int Inclusion(string path, Options options)
        {
            var keys = options.VerifierKeys();
            var proof = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
            var entry = JsonSerializer.Deserialize<ExportedLedgerEntry>(proof.GetProperty("entryJson").GetString() ?? "", ExportedLedgerEntry.Json)
                ?? throw new InvalidDataException("the proof holds no entry");
            var leafIndex = Int64(proof, "leafIndex");
            var treeSize = Int64(proof, "treeSize");
            var path_ = proof.TryGetProperty("auditPath", out var hashes) ? hashes.EnumerateArray().Select(h => h.GetBytesFromBase64()).ToList() : [];
            var content = entry.ToContent();
            if (LedgerHash.Compute(content) != entry.Hash)
            {
                Console.WriteLine($"BROKEN: entry {entry.Sequence} does not match its own hash: its content was changed");
                return 1;
            }
            if (leafIndex != entry.Sequence - 1)
            {
                Console.WriteLine($"BROKEN: the proof is for leaf {leafIndex}, the entry is {entry.Sequence} (leaf {entry.Sequence - 1})");
                return 1;
            }
            // The head to prove against: the caller's own (e.g. e-mailed) when given, else the one in the proof.
            if (options.Heads.Count == 0 && !proof.TryGetProperty("treeHead", out _))
                throw new UsageException("the proof holds no head (a size was asked without one signed there): give yours with --head <head.txt>");
            var note = options.Heads.Count > 0 ? File.ReadAllText(options.Heads[0]) : proof.GetProperty("treeHead").GetProperty("checkpoint").GetString() ?? "";
            if (OpenHead(note, keys, options.Heads.Count > 0 ? "your head" : "head in the proof") is not { } head)
                return 1;
            if (head.Size != treeSize)
            {
                Console.WriteLine($"BROKEN: the proof is in a tree of {treeSize} entries, the head has {head.Size}: ask the proof with tree_size={head.Size}");
                return 1;
            }
            if (!Merkle.VerifyInclusion(leafIndex, treeSize, LedgerHash.LeafHash(content), path_, head.RootHash))
            {
                Console.WriteLine($"BROKEN: entry {entry.Sequence} is not in the log at this head: the audit path does not lead to its root");
                return 1;
            }
            Console.WriteLine("OK");
            Console.WriteLine($"Entry {entry.Sequence} ({entry.Kind}{(entry.StateAfter is null ? "" : $" to {entry.StateAfter}")}, {entry.At}) is in the log of {treeSize} entries; audit path of {path_.Count} hashes.");
            return 0;
        }

        public static int Consistency(string path, Options options)
        {
            var keys = options.VerifierKeys();
            if (options.Old is null || options.New is null)
                throw new UsageException("consistency needs --old <head.txt> and --new <head.txt>");
            var proof = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
            var hashes = proof.TryGetProperty("proof", out var p) ? p.EnumerateArray().Select(h => h.GetBytesFromBase64()).ToList() : [];
            if (OpenHead(File.ReadAllText(options.Old), keys, "old head") is not { } old || OpenHead(File.ReadAllText(options.New), keys, "new head") is not { } @new)
                return 1;
            var (first, second) = (Int64(proof, "firstSize"), Int64(proof, "secondSize"));
            if (first != old.Size || second != @new.Size)
            {
                Console.WriteLine($"BROKEN: the proof is from {first} to {second} entries, the heads are of {old.Size} and {@new.Size}");
                return 1;
            }
            if (!Merkle.VerifyConsistency(old.Size, @new.Size, old.RootHash, @new.RootHash, hashes))
            {
                Console.WriteLine($"BROKEN: the log of {@new.Size} entries does not extend the log of {old.Size}: its first {old.Size} entries were rewritten (a fork)");
                return 1;
            }
            Console.WriteLine("OK");
            Console.WriteLine($"The log of {@new.Size} entries extends the log of {old.Size} entries (proof of {hashes.Count} hashes).");
            return 0;
        }

        // Protobuf's JSON writes int64 as a string, and leaves out a field that is 0.
        static long Int64(JsonElement element, string name) =>
            !element.TryGetProperty(name, out var value) ? 0
            : value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            : value.GetInt64();
    }
}
