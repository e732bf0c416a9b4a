using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;

namespace Accreditation.UnitTests.Registration.Ledger;

public sealed class LedgerChainVerifierTests
{
    static readonly DateTimeOffset Start = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A chain of entries 1..count built with the service's own chaining.</summary>
    static List<LedgerEntry> Chain(int count)
    {
        var entries = new List<LedgerEntry>();
        var previous = LedgerHash.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var entry = LedgerEntry.Chain(new LedgerFact(LedgerKinds.Transition, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
                new Actor("officer-1", "officer"), Start.AddMinutes(i), $"Change {i}", "Submitted", "Eligible"), i, previous);
            entries.Add(entry);
            previous = entry.Hash;
        }
        return entries;
    }

    static LedgerVerification Verify(IEnumerable<(LedgerContent Content, string Hash)> entries, params LedgerCheckpointMark[] checkpoints)
    {
        var verifier = new LedgerChainVerifier(checkpoints);
        foreach (var (content, hash) in entries)
            if (!verifier.Add(content, hash))
                break;
        return verifier.Result();
    }

    static IEnumerable<(LedgerContent, string)> AsStored(IEnumerable<LedgerEntry> entries) => entries.Select(e => (e.Content(), e.Hash));

    [Fact]
    public void An_untouched_chain_verifies_with_its_count_and_head_hash()
    {
        var chain = Chain(5);
        var result = Verify(AsStored(chain));
        Assert.True(result.Ok);
        Assert.Equal(5, result.Count);
        Assert.Equal(chain[^1].Hash, result.HeadHash);
        Assert.Null(result.EntrySequence);
    }

    [Fact]
    public void An_empty_ledger_verifies_with_the_genesis_hash()
    {
        var result = Verify([]);
        Assert.True(result.Ok);
        Assert.Equal(0, result.Count);
        Assert.Equal(LedgerHash.Genesis, result.HeadHash);
    }

    [Fact]
    public void Changed_content_is_a_hash_mismatch_at_that_entry()
    {
        var stored = AsStored(Chain(5)).ToList();
        stored[2] = (stored[2].Item1 with { Reason = "Change 3 (edited)" }, stored[2].Item2);
        var result = Verify(stored);
        Assert.Equal((false, LedgerProblem.HashMismatch, 3L, 2L), (result.Ok, result.Problem, result.EntrySequence!.Value, result.Count));
    }

    [Fact]
    public void A_deleted_entry_is_reported_missing_by_its_sequence()
    {
        var stored = AsStored(Chain(5)).ToList();
        stored.RemoveAt(3);
        var result = Verify(stored);
        Assert.Equal((LedgerProblem.MissingEntry, 4L), (result.Problem, result.EntrySequence!.Value));
        Assert.Contains("Entry 4 is missing", result.Message);
    }

    [Fact]
    public void A_repeated_or_backward_sequence_is_out_of_order()
    {
        var stored = AsStored(Chain(5)).ToList();
        stored.Insert(3, stored[1]);
        var result = Verify(stored);
        Assert.Equal((LedgerProblem.OutOfOrder, 2L), (result.Problem, result.EntrySequence!.Value));
    }

    [Fact]
    public void Two_entries_swapped_with_their_sequence_numbers_break_the_chain_at_the_first_of_them()
    {
        var chain = Chain(5);
        var stored = AsStored(chain).ToList();
        // Each keeps its content and hash, but takes the other's place.
        stored[1] = (chain[3].Content() with { Sequence = 2 }, chain[3].Hash);
        stored[3] = (chain[1].Content() with { Sequence = 4 }, chain[1].Hash);
        var result = Verify(stored);
        Assert.Equal((LedgerProblem.ChainBroken, 2L), (result.Problem, result.EntrySequence!.Value));
    }

    [Fact]
    public void A_rewritten_tail_that_chains_correctly_is_caught_by_a_published_checkpoint()
    {
        var original = Chain(5);
        var checkpoint = new LedgerCheckpointMark(5, original[^1].Hash);
        // Truncated after 3 and re-appended: a valid chain, but not the one that was published.
        var rewritten = original.Take(3).ToList();
        var previous = rewritten[^1].Hash;
        for (var i = 4; i <= 6; i++)
        {
            var entry = LedgerEntry.Chain(new LedgerFact(LedgerKinds.Transition, null, null, null,
                new Actor("intruder", "officer"), Start, $"Forged {i}"), i, previous);
            rewritten.Add(entry);
            previous = entry.Hash;
        }
        Assert.True(Verify(AsStored(rewritten)).Ok);

        var result = Verify(AsStored(rewritten), checkpoint);
        Assert.Equal((LedgerProblem.CheckpointMismatch, 5L), (result.Problem, result.EntrySequence!.Value));
    }

    [Fact]
    public void A_truncated_tail_is_missing_entries_when_a_checkpoint_counted_more()
    {
        var original = Chain(5);
        var result = Verify(AsStored(original.Take(3)), new LedgerCheckpointMark(5, original[^1].Hash));
        Assert.Equal((LedgerProblem.MissingEntry, 4L), (result.Problem, result.EntrySequence!.Value));
        Assert.Contains("4 to 5", result.Message);
    }

    [Fact]
    public void A_checkpoint_from_another_copy_is_checked_even_when_one_at_the_same_count_matches()
    {
        var chain = Chain(3);
        var result = Verify(AsStored(chain), new LedgerCheckpointMark(3, chain[^1].Hash), new LedgerCheckpointMark(3, new string('a', 64)));
        Assert.Equal((LedgerProblem.CheckpointMismatch, 3L), (result.Problem, result.EntrySequence!.Value));
    }
}
