using Accreditation.Transparency;

namespace Accreditation.Notifications.Domain;

/// <summary>The head held that a new one is compared with: its size and hex root.</summary>
public sealed record HeldHead(long Size, string RootHash);

/// <summary>
/// A consistency proof between the smaller and the larger of the held and the new head, as the log
/// answered; <see cref="LogHasFewer"/> when the log could not give one because it holds fewer
/// entries than the larger size (it shrank).
/// </summary>
public sealed record ConsistencyAnswer(IReadOnlyList<byte[]> Proof, bool LogHasFewer = false);

/// <summary>
/// The witness's rules, in the spirit of C2SP tlog-witness: a log's new head is accepted only when
/// it extends the head held (RFC 9162 consistency); a head at the same size with another root is a
/// fork; a log that cannot prove a head it signed earlier has shrunk. A head older than the one
/// held (a late message) is accepted when consistent with it.
/// </summary>
public static class LedgerWitnessRules
{
    /// <summary>Which consistency proof is needed to judge <paramref name="incoming"/> (none for the first head or one at the same size).</summary>
    public static (long First, long Second)? ProofNeeded(HeldHead? held, TreeHead incoming) =>
        held is null || held.Size == incoming.Size ? null
        : held.Size < incoming.Size ? (held.Size, incoming.Size)
        : (incoming.Size, held.Size);

    public static WitnessJudgement Judge(HeldHead? held, TreeHead incoming, ConsistencyAnswer? answer)
    {
        var root = incoming.RootHex;
        if (held is null)
            return new(WitnessVerdict.Accepted, $"First head held: {incoming.Size} entries.");
        if (held.Size == incoming.Size)
            return held.RootHash == root
                ? new(WitnessVerdict.AlreadyHeld, $"The head of {incoming.Size} entries is held already.")
                : new(WitnessVerdict.Forked, $"The log signed a second, different head at {incoming.Size} entries (root {root}, the witness holds {held.RootHash}): its history was rewritten.");
        if (answer is null)
            throw new ArgumentNullException(nameof(answer), "A consistency proof is needed for heads of different sizes.");
        if (answer.LogHasFewer)
            return new(WitnessVerdict.Shrank,
                $"The log now holds fewer than {Math.Max(held.Size, incoming.Size)} entries: the witness holds a head of {held.Size} entries and the log signed one of {incoming.Size}. Entries {Math.Min(held.Size, incoming.Size) + 1} to {held.Size} are missing or were replaced.");
        var (firstSize, firstRoot, secondSize, secondRoot) = held.Size < incoming.Size
            ? (held.Size, held.RootHash, incoming.Size, root)
            : (incoming.Size, root, held.Size, held.RootHash);
        if (Merkle.VerifyConsistency(firstSize, secondSize, Convert.FromHexString(firstRoot), Convert.FromHexString(secondRoot), answer.Proof))
            return new(WitnessVerdict.Accepted, held.Size < incoming.Size
                ? $"The log grew from {held.Size} to {incoming.Size} entries, consistently."
                : $"A late head of {incoming.Size} entries, consistent with the {held.Size} held.");
        if (incoming.Size < held.Size)
            return new(WitnessVerdict.Shrank,
                $"The log signed a head of {incoming.Size} entries that the head of {held.Size} held by the witness does not extend: entries up to {held.Size} were removed or rewritten.");
        return new(WitnessVerdict.Inconsistent,
            $"The log's head of {incoming.Size} entries does not extend the head of {held.Size} entries the witness holds (root {held.RootHash}): entries 1 to {held.Size} were rewritten (a fork).");
    }
}
