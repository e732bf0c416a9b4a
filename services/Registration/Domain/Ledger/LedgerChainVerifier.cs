using System.Text;

// This file is shared, by link, with tools/LedgerVerifier: it depends on the BCL and Accreditation.Transparency only.
namespace Accreditation.Registration.Domain.Ledger;

public enum LedgerProblem { None, HashMismatch, MissingEntry, OutOfOrder, ChainBroken, CheckpointMismatch, Truncated, InconsistentWithWitness }

/// <summary>The outcome of a verification: ok, or the first entry that fails and why.</summary>
public sealed record LedgerVerification(bool Ok, long Count, string HeadHash, LedgerProblem Problem, long? EntrySequence, string Message)
{
    /// <summary>With <see cref="LedgerProblem.Truncated"/> or <see cref="LedgerProblem.InconsistentWithWitness"/>: the size of the head the log fails.</summary>
    public long? WitnessedSize { get; init; }

    /// <summary>The entries missing (truncated) or among which the change lies (inconsistent), inclusive.</summary>
    public (long First, long Last)? Range { get; init; }

    /// <summary>The Merkle root (hex) of the entries verified.</summary>
    public string RootHash { get; init; } = "";

    /// <summary>How many witnessed heads the entries were checked against.</summary>
    public int HeadsChecked { get; init; }
}

/// <summary>A head hash and count published earlier; a later rewrite of the log cannot match it.</summary>
public sealed record LedgerCheckpointMark(long Count, string HeadHash);

/// <summary>
/// Recomputes a chain fed in sequence order and stops at the first entry that fails: a sequence
/// gap (missing entry), a sequence going back (out of order), a previous hash that is not the
/// previous entry's hash (broken chain), content that does not give its hash, or a hash that
/// differs from a published checkpoint at that count (rewritten log). Hashes are compared as the
/// bytes of their hex text, exactly as stored (a hash re-cased is a change too).
/// </summary>
public sealed class LedgerChainVerifier
{
    // Every checkpoint must hold, even several (from different copies) at one count.
    readonly Dictionary<long, byte[][]> _checkpoints;
    byte[] _head = Encoding.ASCII.GetBytes(LedgerHash.Genesis);
    long _count;
    LedgerVerification? _failure;

    public LedgerChainVerifier(IEnumerable<LedgerCheckpointMark>? checkpoints = null) =>
        _checkpoints = (checkpoints ?? []).GroupBy(c => c.Count).ToDictionary(g => g.Key, g => g.Select(c => Encoding.UTF8.GetBytes(c.HeadHash)).ToArray());

    LedgerChainVerifier(Dictionary<long, byte[][]> checkpoints, long count, ReadOnlySpan<byte> head)
    {
        _checkpoints = checkpoints;
        _count = count;
        _head = head.ToArray();
    }

    /// <summary>
    /// A verifier of the entries after entry <paramref name="count"/>, whose stored hash is
    /// <paramref name="head"/>, with the same checkpoints: a run checked on another thread, whose
    /// first entry this verifier (or whoever holds the entries before it) has checked.
    /// </summary>
    public LedgerChainVerifier After(long count, ReadOnlySpan<byte> head) => new(_checkpoints, count, head);

    /// <summary>Takes over the state a verifier of the entries that follow reached (<see cref="After"/>).</summary>
    public void Continue(LedgerChainVerifier later)
    {
        _head = later._head;
        _count = later._count;
        _failure = later._failure;
    }

    public long Count => _count;

    /// <summary>The failure found, if any (then later entries are not needed).</summary>
    public LedgerVerification? Failure => _failure;

    /// <summary>Checks the next entry; false once a failure was found (later entries are not needed).</summary>
    public bool Add(LedgerContent content, string storedHash) => Add(content, LedgerHash.Compute(content), storedHash);

    /// <summary>As <see cref="Add(LedgerContent, string)"/>, with the content's hash computed by the caller.</summary>
    public bool Add(LedgerContent content, string computedHash, string storedHash) =>
        Add(content.Sequence, Encoding.UTF8.GetBytes(content.PreviousHash ?? ""), Encoding.UTF8.GetBytes(computedHash), Encoding.UTF8.GetBytes(storedHash ?? ""));

    /// <summary>The same checks on the UTF-8 text of the hashes: the previous hash and the hash stored, and the lower-case hex of the content's SHA-256.</summary>
    public bool Add(long sequence, ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> computedHash, ReadOnlySpan<byte> storedHash)
    {
        if (_failure is not null)
            return false;
        var expected = _count + 1;
        if (sequence > expected)
            return Fail(LedgerProblem.MissingEntry, expected, $"Entry {expected} is missing: the entry after {_count} is {sequence}.");
        if (sequence < expected)
            return Fail(LedgerProblem.OutOfOrder, sequence, $"Entry {sequence} is out of order: it comes after entry {_count}.");
        if (!previousHash.SequenceEqual(_head))
            return Fail(LedgerProblem.ChainBroken, expected, $"Entry {expected} does not follow entry {_count}: its previous hash is not that entry's hash.");
        if (!computedHash.SequenceEqual(storedHash))
            return Fail(LedgerProblem.HashMismatch, expected, $"Entry {expected} does not match its hash: its content was changed.");
        if (_checkpoints.Count > 0 && _checkpoints.TryGetValue(expected, out var published) && !AllEqual(published, storedHash))
            return Fail(LedgerProblem.CheckpointMismatch, expected,
                $"Entry {expected} differs from the checkpoint published at count {expected}: the log was rewritten at or before it.");
        if (_head.Length == storedHash.Length)
            storedHash.CopyTo(_head);
        else
            _head = storedHash.ToArray();
        _count = expected;
        return true;
    }

    public LedgerVerification Result()
    {
        if (_failure is not null)
            return _failure;
        var beyond = _checkpoints.Keys.Where(c => c > _count).DefaultIfEmpty().Max();
        if (beyond > _count)
            return new LedgerVerification(false, _count, Head, LedgerProblem.MissingEntry, _count + 1,
                $"Entries {_count + 1} to {beyond} are missing: a checkpoint recorded {beyond} entries.");
        return new LedgerVerification(true, _count, Head, LedgerProblem.None, null, $"{_count} entries verified.");
    }

    string Head => Encoding.UTF8.GetString(_head);

    static bool AllEqual(byte[][] published, ReadOnlySpan<byte> stored)
    {
        foreach (var hash in published)
            if (!stored.SequenceEqual(hash))
                return false;
        return true;
    }

    bool Fail(LedgerProblem problem, long sequence, string message)
    {
        _failure = new LedgerVerification(false, _count, Head, problem, sequence, message);
        return false;
    }
}
