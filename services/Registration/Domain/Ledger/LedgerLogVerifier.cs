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
        Span<byte> digest = stackalloc byte[Merkle.HashSize];
        SHA256.HashData(Encoding.UTF8.GetBytes(LedgerHash.Canonical(content)), digest);
        Span<byte> hex = stackalloc byte[2 * Merkle.HashSize];
        LedgerHash.HexUtf8(digest, hex);
        if (!_chain.Add(content.Sequence, Encoding.UTF8.GetBytes(content.PreviousHash ?? ""), hex, Encoding.UTF8.GetBytes(storedHash ?? "")))
            return false;
        _tree.Append(Merkle.LeafHash(digest));
        return HeadsHold();
    }

    /// <summary>
    /// A run of the entries of sequences <paramref name="first"/> to first + <paramref name="size"/> - 1,
    /// to be hashed and chained on another thread, then added here in sequence order
    /// (<see cref="Add(LedgerRun)"/>). Safe to call from any thread.
    /// </summary>
    public LedgerRun StartRun(long first, int size) =>
        new(_chain, first, size, _heads.Any(h => h.Key >= first && h.Key < first + size - 1));

    /// <summary>
    /// Adds a run hashed elsewhere, as if its entries were added one by one: its first entry is
    /// checked against the last one here, its own checks are taken over, and the tree grows by its
    /// leaves (or by its subtree at once), checking every held head on the way.
    /// </summary>
    public bool Add(LedgerRun run)
    {
        if (_failure is not null || _chain.Failure is not null)
            return false;
        if (run.Rows == 0)
            return true;
        if (!_chain.Add(run.FirstSequence, run.FirstPreviousHash, run.FirstComputedHash, run.FirstStoredHash))
            return false;
        if (run.SubtreeRoot is { } root && _tree.Size == run.FirstSequence - 1)
        {
            _tree.AppendSubtree(run.SubtreeLevel, root);
            if (!HeadsHold())
                return false;
        }
        else
            for (var i = 0; i < run.Rows; i++)
            {
                _tree.Append(run.Leaf(i));
                if (!HeadsHold())
                    return false;
            }
        _chain.Continue(run.Chain!);
        return _chain.Failure is null;
    }

    /// <summary>The root at the tree's size must be every held head's of that size.</summary>
    bool HeadsHold()
    {
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

/// <summary>
/// A run of consecutive entries checked on their own (<see cref="LedgerLogVerifier.StartRun"/>): each
/// entry after the first against the one before it, every leaf hashed; the first entry is kept for
/// the verifier to check against the entry before the run. A complete run of a power of two entries
/// with no held head inside it is reduced to its subtree's root, hashed here rather than in order.
/// </summary>
public sealed class LedgerRun
{
    readonly LedgerChainVerifier _template;
    readonly int _size;
    readonly bool _headInside;
    // A run is hashed on one thread: one SHA-256 reused for its leaves and its subtree.
    readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    byte[] _leaves;

    internal LedgerRun(LedgerChainVerifier template, long first, int size, bool headInside)
    {
        _template = template;
        Start = first;
        _size = size;
        _headInside = headInside;
        _leaves = new byte[size * Merkle.HashSize];
    }

    /// <summary>The sequence the run should start at.</summary>
    public long Start { get; }
    public int Rows { get; private set; }
    public long FirstSequence { get; private set; }
    public byte[] FirstPreviousHash { get; private set; } = [];
    public byte[] FirstComputedHash { get; private set; } = [];
    public byte[] FirstStoredHash { get; private set; } = [];
    /// <summary>The checks of the entries after the first (null before the first).</summary>
    public LedgerChainVerifier? Chain { get; private set; }
    public byte[]? SubtreeRoot { get; private set; }
    public int SubtreeLevel => System.Numerics.BitOperations.Log2((uint)_size);

    /// <summary>The next entry: its sequence, previous and stored hash as stored, and the SHA-256 of its canonical bytes. False once the run failed.</summary>
    public bool Add(long sequence, ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> storedHash)
    {
        Span<byte> hex = stackalloc byte[2 * Merkle.HashSize];
        LedgerHash.HexUtf8(digest, hex);
        if (Chain is null)
        {
            (FirstSequence, FirstPreviousHash, FirstComputedHash, FirstStoredHash) = (sequence, previousHash.ToArray(), hex.ToArray(), storedHash.ToArray());
            Chain = _template.After(sequence, storedHash);
        }
        else if (!Chain.Add(sequence, previousHash, hex, storedHash))
            return false;
        if ((Rows + 1) * Merkle.HashSize > _leaves.Length)
            Array.Resize(ref _leaves, _leaves.Length * 2);
        Merkle.LeafHash(_sha256, digest, _leaves.AsSpan(Rows * Merkle.HashSize, Merkle.HashSize));
        Rows++;
        return true;
    }

    /// <summary>After the last entry: a complete, aligned run with no held head inside is hashed into its subtree root.</summary>
    public void Complete()
    {
        if (Rows == _size && FirstSequence == Start && Chain?.Failure is null && !_headInside
            && System.Numerics.BitOperations.IsPow2(_size) && (Start - 1) % _size == 0)
            SubtreeRoot = Merkle.SubtreeRoot(_sha256, _leaves.AsSpan(0, Rows * Merkle.HashSize));
        _sha256.Dispose();
    }

    public byte[] Leaf(int index) => _leaves.AsSpan(index * Merkle.HashSize, Merkle.HashSize).ToArray();
}
