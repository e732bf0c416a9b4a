using System.Security.Cryptography;
using System.Text;
using Accreditation.Transparency;

// This file is shared, by link, with tools/LedgerVerifier: it depends on the BCL and Accreditation.Transparency only.
namespace Accreditation.Registration.Domain.Ledger;

/// <summary>A tree head held outside the log (by the witness, or by an auditor): its size and hex root.</summary>
public sealed record WitnessedRoot(long Size, string RootHash, string Source = "the witness");

/// <summary>
/// Verifies the ledger as a transparency log, in one pass over the entries in sequence order:
/// the chain (<see cref="LedgerChainVerifier"/>: each entry's hash, order, gaps, checkpoints), then
/// the Merkle tree grown from the same bytes, whose root at every size a held head names must be
/// that head's root. A head the log is too short to reach means the log was truncated; a root that
/// differs means the first entries were rewritten (a fork), located between the last head that
/// still matches and the first that does not.
/// </summary>
public sealed class LedgerLogVerifier(IEnumerable<LedgerCheckpointMark>? checkpoints, IEnumerable<WitnessedRoot> heads)
{
    readonly LedgerChainVerifier _chain = new(checkpoints);
    readonly MerkleFrontier _tree = new();
    readonly ILookup<long, WitnessedRoot> _heads = heads.ToLookup(h => h.Size);
    long _lastMatched;
    int _checked;
    LedgerVerification? _failure;

    /// <summary>Checks the next entry; false once a failure was found.</summary>
    public bool Add(LedgerContent content, string storedHash)
    {
        if (_failure is not null)
            return false;
        // One serialization and one SHA-256 for both: the chain's hash is the tree's leaf data.
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(LedgerHash.Canonical(content)));
        if (!_chain.Add(content, Convert.ToHexStringLower(digest), storedHash))
            return false;
        _tree.Append(Merkle.LeafHash(digest));
        foreach (var head in _heads[_tree.Size])
        {
            _checked++;
            var root = Convert.ToHexStringLower(_tree.Root());
            if (!string.Equals(root, head.RootHash, StringComparison.OrdinalIgnoreCase))
            {
                var first = _lastMatched + 1;
                _failure = Result(false, LedgerProblem.InconsistentWithWitness, first,
                    $"The first {head.Size} entries do not give the root of the head of {head.Size} entries held by {head.Source}: " +
                    $"entries {first} to {head.Size} were rewritten or replaced" +
                    (_lastMatched > 0 ? $" (the first {_lastMatched} still match a held head)." : "."),
                    head.Size, (first, head.Size));
                return false;
            }
            _lastMatched = head.Size;
        }
        return true;
    }

    public LedgerVerification Result()
    {
        if (_failure is not null)
            return _failure;
        var chain = _chain.Result();
        if (!chain.Ok)
            return chain with { RootHash = Convert.ToHexStringLower(_tree.Root()), HeadsChecked = _checked };
        var beyond = _heads.Select(g => g.First()).Where(h => h.Size > _tree.Size).MaxBy(h => h.Size);
        if (beyond is not null)
            return Result(false, LedgerProblem.Truncated, _tree.Size + 1,
                $"The log holds {_tree.Size} entries but {beyond.Source} holds a head of {beyond.Size}: entries {_tree.Size + 1} to {beyond.Size} are missing (truncated).",
                beyond.Size, (_tree.Size + 1, beyond.Size));
        var message = _checked == 0 ? chain.Message : $"{chain.Message[..^1]}, consistent with {_checked} held tree head(s).";
        return chain with { Message = message, RootHash = Convert.ToHexStringLower(_tree.Root()), HeadsChecked = _checked };
    }

    LedgerVerification Result(bool ok, LedgerProblem problem, long entry, string message, long witnessedSize, (long, long) range)
    {
        var chain = _chain.Result();
        return new LedgerVerification(ok, _tree.Size, chain.HeadHash, problem, entry, message)
        {
            WitnessedSize = witnessedSize,
            Range = range,
            RootHash = Convert.ToHexStringLower(_tree.Root()),
            HeadsChecked = _checked,
        };
    }
}
