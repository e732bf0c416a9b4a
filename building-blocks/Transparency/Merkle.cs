using System.Numerics;
using System.Security.Cryptography;

namespace Accreditation.Transparency;

/// <summary>
/// The Merkle tree of RFC 9162 section 2.1 (as RFC 6962): SHA-256, leaves hashed with the
/// prefix 0x00 and interior nodes with 0x01, so a leaf can never pass for a node. The leaf data
/// of a ledger entry is the UTF-8 of its canonical serialization (<see cref="LedgerHash.Canonical"/>).
/// Leaf index i is the entry of sequence i + 1.
/// </summary>
public static class Merkle
{
    public const int HashSize = 32;

    /// <summary>MTH({}): the hash of the empty string.</summary>
    public static byte[] EmptyRoot { get; } = SHA256.HashData(ReadOnlySpan<byte>.Empty);

    public static byte[] LeafHash(ReadOnlySpan<byte> leaf)
    {
        // Small leaves on the stack; a large one (long grounds) rented from the heap.
        var length = leaf.Length + 1;
        var buffer = length <= 1024 ? stackalloc byte[length] : new byte[length];
        buffer[0] = 0x00;
        leaf.CopyTo(buffer[1..]);
        return SHA256.HashData(buffer);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + 2 * HashSize];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + HashSize)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>
    /// As <see cref="LeafHash(ReadOnlySpan{byte})"/>, into <paramref name="destination"/>, with a
    /// SHA-256 the caller reuses: a one-shot hash costs about as much in set-up as in hashing 33 bytes.
    /// </summary>
    public static void LeafHash(IncrementalHash sha256, ReadOnlySpan<byte> leaf, Span<byte> destination)
    {
        var length = leaf.Length + 1;
        var buffer = length <= 1024 ? stackalloc byte[length] : new byte[length];
        buffer[0] = 0x00;
        leaf.CopyTo(buffer[1..]);
        sha256.AppendData(buffer);
        sha256.GetHashAndReset(destination);
    }

    /// <summary>As <see cref="NodeHash(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>, into <paramref name="destination"/> (which may overlap <paramref name="left"/>), with a reused SHA-256.</summary>
    public static void NodeHash(IncrementalHash sha256, ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> buffer = stackalloc byte[1 + 2 * HashSize];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + HashSize)..]);
        sha256.AppendData(buffer);
        sha256.GetHashAndReset(destination);
    }

    /// <summary>
    /// The root of a perfect subtree from its leaf hashes (32 bytes each, a power of two of them),
    /// built level by level in place: the leaves are overwritten, the root is left in the first 32 bytes.
    /// </summary>
    public static byte[] SubtreeRoot(IncrementalHash sha256, Span<byte> leafHashes)
    {
        var width = leafHashes.Length / HashSize;
        if (width == 0 || !BitOperations.IsPow2(width) || leafHashes.Length % HashSize != 0)
            throw new ArgumentException("A perfect subtree has a power of two of 32-byte leaf hashes.", nameof(leafHashes));
        for (; width > 1; width >>= 1)
            for (var i = 0; i < width / 2; i++)
                NodeHash(sha256, leafHashes.Slice(2 * i * HashSize, HashSize), leafHashes.Slice((2 * i + 1) * HashSize, HashSize), leafHashes.Slice(i * HashSize, HashSize));
        return leafHashes[..HashSize].ToArray();
    }

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n &gt; 1): RFC 9162's k.</summary>
    public static long Split(long n) => (long)BitOperations.RoundUpToPowerOf2((ulong)n) >> 1;

    /// <summary>
    /// The subtrees (leaf ranges [Start, End)) whose hashes make the audit path of leaf
    /// <paramref name="index"/> in the tree of <paramref name="size"/> leaves, from the leaf upwards
    /// (RFC 9162 2.1.3.1).
    /// </summary>
    public static IReadOnlyList<LeafRange> InclusionPath(long index, long size)
    {
        if (index < 0 || index >= size)
            throw new ArgumentOutOfRangeException(nameof(index), $"Leaf {index} is not in a tree of {size} leaves.");
        var path = new List<LeafRange>();
        long start = 0, end = size;
        while (end - start > 1)
        {
            var k = Split(end - start);
            if (index < start + k)
            {
                path.Add(new LeafRange(start + k, end));
                end = start + k;
            }
            else
            {
                path.Add(new LeafRange(start, start + k));
                start += k;
            }
        }
        path.Reverse();
        return path;
    }

    /// <summary>
    /// The subtrees whose hashes make the consistency proof from the tree of <paramref name="first"/>
    /// leaves to the tree of <paramref name="second"/> (RFC 9162 2.1.4.1), in proof order.
    /// </summary>
    public static IReadOnlyList<LeafRange> ConsistencyPath(long first, long second)
    {
        if (first < 0 || first > second)
            throw new ArgumentOutOfRangeException(nameof(first), $"A tree of {first} leaves cannot precede one of {second}.");
        var proof = new List<LeafRange>();
        if (first == 0 || first == second)
            return proof;
        long start = 0, end = second, m = first;
        var whole = true;
        while (true)
        {
            var n = end - start;
            if (m == n)
            {
                if (!whole)
                    proof.Add(new LeafRange(start, end));
                break;
            }
            var k = Split(n);
            if (m <= k)
            {
                proof.Add(new LeafRange(start + k, end));
                end = start + k;
            }
            else
            {
                proof.Add(new LeafRange(start, start + k));
                start += k;
                m -= k;
                whole = false;
            }
        }
        proof.Reverse();
        return proof;
    }

    /// <summary>
    /// The perfect subtrees (stored nodes) whose hashes give the hash of a range: the range
    /// itself when it is perfect and aligned, else its split, recursively (only a tree's right edge splits).
    /// </summary>
    public static IEnumerable<TreeNodeId> Nodes(LeafRange range)
    {
        var n = range.End - range.Start;
        if (n <= 0)
            throw new ArgumentException("An empty range has no nodes.", nameof(range));
        if (BitOperations.IsPow2((ulong)n) && range.Start % n == 0)
        {
            yield return new TreeNodeId(BitOperations.Log2((ulong)n), range.Start / n);
            yield break;
        }
        var k = Split(n);
        foreach (var node in Nodes(new LeafRange(range.Start, range.Start + k)))
            yield return node;
        foreach (var node in Nodes(new LeafRange(range.Start + k, range.End)))
            yield return node;
    }

    /// <summary>The hash of a range from the stored perfect subtrees (<see cref="Nodes"/>).</summary>
    public static byte[] RangeHash(LeafRange range, Func<TreeNodeId, byte[]> node)
    {
        var n = range.End - range.Start;
        if (BitOperations.IsPow2((ulong)n) && range.Start % n == 0)
            return node(new TreeNodeId(BitOperations.Log2((ulong)n), range.Start / n));
        var k = Split(n);
        return NodeHash(RangeHash(new LeafRange(range.Start, range.Start + k), node), RangeHash(new LeafRange(range.Start + k, range.End), node));
    }

    /// <summary>RFC 9162 2.1.3.2: does <paramref name="path"/> lead from the leaf hash to the root?</summary>
    public static bool VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> path, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= size)
            return false;
        long fn = index, sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in path)
        {
            if (p.Length != HashSize || sn == 0)
                return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                ShiftWhileEven(ref fn, ref sn);
            }
            else
                r = NodeHash(r, p);
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>RFC 9162 2.1.4.2: is the tree of <paramref name="second"/> leaves an append-only extension of the first?</summary>
    public static bool VerifyConsistency(long first, long second, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]> proof)
    {
        if (first < 0 || first > second)
            return false;
        if (first == second)
            return proof.Count == 0 && firstRoot.SequenceEqual(secondRoot);
        if (first == 0)
            return proof.Count == 0 && firstRoot.SequenceEqual(EmptyRoot);
        if (proof.Count == 0 || proof.Any(p => p.Length != HashSize))
            return false;
        var path = BitOperations.IsPow2((ulong)first) ? proof.Prepend(firstRoot.ToArray()).ToList() : proof.ToList();
        long fn = first - 1, sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
                return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
                ShiftWhileEven(ref fn, ref sn);
            }
            else
                sr = NodeHash(sr, c);
            fn >>= 1;
            sn >>= 1;
        }
        return fr.AsSpan().SequenceEqual(firstRoot) && sr.AsSpan().SequenceEqual(secondRoot) && sn == 0;
    }

    // The verification algorithms' "until LSB(fn) is set or fn is 0, right-shift fn and sn".
    static void ShiftWhileEven(ref long fn, ref long sn)
    {
        while ((fn & 1) == 0 && fn != 0)
        {
            fn >>= 1;
            sn >>= 1;
        }
    }
}

/// <summary>Leaves [Start, End) of the tree.</summary>
public readonly record struct LeafRange(long Start, long End);

/// <summary>A perfect subtree: 2^Level leaves starting at leaf Index * 2^Level (level 0: a leaf).</summary>
public readonly record struct TreeNodeId(int Level, long Index);

/// <summary>
/// The right edge of a tree: one perfect subtree per set bit of its size (a compact range from 0).
/// Appending a leaf completes subtrees from it alone, so a tree of any size grows, and gives its
/// root, without reading its leaves again.
/// </summary>
public sealed class MerkleFrontier
{
    // Index = level; null where the size has no bit.
    readonly byte[]?[] _nodes = new byte[64][];

    public long Size { get; private set; }

    /// <summary>A copy that grows on its own.</summary>
    public MerkleFrontier Clone()
    {
        var copy = new MerkleFrontier { Size = Size };
        Array.Copy(_nodes, copy._nodes, _nodes.Length);
        return copy;
    }

    /// <summary>The frontier of a tree of <paramref name="size"/> leaves from its perfect subtrees.</summary>
    public static MerkleFrontier From(long size, Func<TreeNodeId, byte[]> node)
    {
        var frontier = new MerkleFrontier { Size = size };
        foreach (var id in Ids(size))
            frontier._nodes[id.Level] = node(id);
        return frontier;
    }

    /// <summary>The perfect subtrees a frontier of <paramref name="size"/> leaves holds.</summary>
    public static IEnumerable<TreeNodeId> Ids(long size)
    {
        long start = 0;
        for (var level = 62; level >= 0; level--)
            if ((size & (1L << level)) != 0)
            {
                yield return new TreeNodeId(level, start >> level);
                start += 1L << level;
            }
    }

    /// <summary>Adds a leaf; with <paramref name="completed"/>, lists every subtree it completes (the leaf itself first), for the store.</summary>
    public void Append(byte[] leafHash, List<(TreeNodeId Id, byte[] Hash)>? completed = null) => Append(0, leafHash, completed);

    /// <summary>
    /// Adds the 2^<paramref name="level"/> leaves of a perfect subtree at once, from its root (a
    /// verifier that hashed a run of leaves elsewhere); the tree's size must be a multiple of 2^level.
    /// </summary>
    public void AppendSubtree(int level, byte[] subtreeRoot)
    {
        if ((Size & ((1L << level) - 1)) != 0)
            throw new InvalidOperationException($"A subtree of 2^{level} leaves cannot follow {Size} leaves.");
        Append(level, subtreeRoot, null);
    }

    void Append(int level, byte[] hash, List<(TreeNodeId Id, byte[] Hash)>? completed)
    {
        var index = Size >> level;
        var added = 1L << level;
        completed?.Add((new TreeNodeId(level, index), hash));
        while ((index & 1) == 1)
        {
            hash = Merkle.NodeHash(_nodes[level]!, hash);
            _nodes[level] = null;
            index >>= 1;
            level++;
            completed?.Add((new TreeNodeId(level, index), hash));
        }
        _nodes[level] = hash;
        Size += added;
    }

    /// <summary>MTH of the tree so far.</summary>
    public byte[] Root()
    {
        byte[]? root = null;
        for (var level = 0; level < _nodes.Length; level++)
            if (_nodes[level] is { } node)
                root = root is null ? node : Merkle.NodeHash(node, root);
        return root ?? Merkle.EmptyRoot;
    }
}
