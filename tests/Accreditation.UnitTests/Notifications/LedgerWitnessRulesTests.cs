using Accreditation.Notifications.Domain;
using Accreditation.Transparency;

namespace Accreditation.UnitTests.Notifications;

/// <summary>The ledger witness's judgement of each new head against the one it holds.</summary>
public sealed class LedgerWitnessRulesTests
{
    static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A log of leaves "entry i", or with leaf <paramref name="forged"/> changed.</summary>
    sealed class Log(int forged = -1)
    {
        readonly List<byte[]> _leaves = Enumerable.Range(0, 64).Select(i => Merkle.LeafHash(System.Text.Encoding.UTF8.GetBytes(i == forged ? "forged" : $"entry {i}"))).ToList();

        byte[] Hash(long start, long end) => end - start == 1 ? _leaves[(int)start]
            : Merkle.NodeHash(Hash(start, start + Merkle.Split(end - start)), Hash(start + Merkle.Split(end - start), end));

        public TreeHead Head(long size) => new("log.example/ledger", size, Hash(0, size), At);

        public HeldHead Held(long size) => new(size, Convert.ToHexStringLower(Hash(0, size)));

        public ConsistencyAnswer Proof(long first, long second) => new(Merkle.ConsistencyPath(first, second).Select(r => Hash(r.Start, r.End)).ToList());
    }

    [Fact]
    public void The_first_head_is_held_and_a_grown_log_that_extends_it_is_accepted()
    {
        var log = new Log();
        Assert.Equal(WitnessVerdict.Accepted, LedgerWitnessRules.Judge(null, log.Head(7), null).Verdict);
        Assert.Equal((7L, 40L), LedgerWitnessRules.ProofNeeded(log.Held(7), log.Head(40)));
        Assert.Equal(WitnessVerdict.Accepted, LedgerWitnessRules.Judge(log.Held(7), log.Head(40), log.Proof(7, 40)).Verdict);
    }

    [Fact]
    public void The_same_head_again_is_already_held_and_another_root_at_that_size_is_a_fork()
    {
        var log = new Log();
        Assert.Equal(WitnessVerdict.AlreadyHeld, LedgerWitnessRules.Judge(log.Held(12), log.Head(12), null).Verdict);
        var forked = LedgerWitnessRules.Judge(log.Held(12), new Log(forged: 3).Head(12), null);
        Assert.Equal(WitnessVerdict.Forked, forked.Verdict);
        Assert.True(forked.IsConflict);
    }

    [Fact]
    public void A_log_that_can_no_longer_prove_the_held_head_shrank_and_the_reason_names_the_missing_entries()
    {
        var log = new Log();
        var shrank = LedgerWitnessRules.Judge(log.Held(40), log.Head(37), new ConsistencyAnswer([], LogHasFewer: true));
        Assert.Equal(WitnessVerdict.Shrank, shrank.Verdict);
        Assert.Contains("Entries 38 to 40", shrank.Reason);
    }

    [Fact]
    public void A_late_head_consistent_with_the_held_one_is_accepted_and_a_rewritten_one_is_not()
    {
        var log = new Log();
        Assert.Equal((10L, 40L), LedgerWitnessRules.ProofNeeded(log.Held(40), log.Head(10)));
        Assert.Equal(WitnessVerdict.Accepted, LedgerWitnessRules.Judge(log.Held(40), log.Head(10), log.Proof(10, 40)).Verdict);
        var forged = new Log(forged: 2);
        Assert.Equal(WitnessVerdict.Shrank, LedgerWitnessRules.Judge(log.Held(40), forged.Head(10), forged.Proof(10, 40)).Verdict);
    }

    [Fact]
    public void A_truncated_and_re_appended_log_is_inconsistent_with_the_held_head()
    {
        var original = new Log();
        var fork = new Log(forged: 30);
        var judgement = LedgerWitnessRules.Judge(original.Held(32), fork.Head(45), fork.Proof(32, 45));
        Assert.Equal(WitnessVerdict.Inconsistent, judgement.Verdict);
        Assert.Contains("entries 1 to 32", judgement.Reason);
    }
}
