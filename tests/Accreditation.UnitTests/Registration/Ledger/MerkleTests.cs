using Accreditation.Transparency;

namespace Accreditation.UnitTests.Registration.Ledger;

/// <summary>RFC 9162 section 2.1: the tree's hashes and its inclusion and consistency proofs.</summary>
public sealed class MerkleTests
{
    // The leaves of the RFC 6962 reference tests (certificate-transparency), and the roots they give.
    static readonly string[] ReferenceLeaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];
    static readonly string[] ReferenceRoots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    [Fact]
    public void The_empty_tree_and_the_reference_trees_have_the_roots_of_RFC_6962()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(new MerkleFrontier().Root()));
        var frontier = new MerkleFrontier();
        for (var i = 0; i < ReferenceLeaves.Length; i++)
        {
            frontier.Append(Merkle.LeafHash(Convert.FromHexString(ReferenceLeaves[i])));
            Assert.Equal(ReferenceRoots[i], Convert.ToHexStringLower(frontier.Root()));
        }
    }

    [Fact]
    public void Every_leaf_of_every_tree_up_to_70_leaves_verifies_with_its_audit_path_and_no_other_leaf_does()
    {
        var tree = new TestTree(71);
        for (long size = 1; size <= 70; size++)
        {
            var root = tree.Root(size);
            for (long index = 0; index < size; index++)
            {
                var path = tree.Inclusion(index, size);
                Assert.True(Merkle.VerifyInclusion(index, size, tree.Leaf(index), path, root), $"leaf {index} of {size}");
                var other = (index + 1) % size;
                if (other != index)
                    Assert.False(Merkle.VerifyInclusion(index, size, tree.Leaf(other), path, root));
                Assert.False(Merkle.VerifyInclusion(index, size, tree.Leaf(index), path, tree.Root(size + 1)));
            }
        }
    }

    [Fact]
    public void The_audit_path_grows_as_the_logarithm_of_the_size()
    {
        // ceil(log2(1,000,000)) = 20: no leaf needs more, the leftmost needs all.
        Assert.Equal(20, Merkle.InclusionPath(0, 1_000_000).Count);
        Assert.All(new long[] { 1, 123_456, 524_287, 524_288, 999_999 }, i => Assert.InRange(Merkle.InclusionPath(i, 1_000_000).Count, 1, 20));
        Assert.Equal(17, Merkle.InclusionPath(0, 100_000).Count);
        Assert.Empty(Merkle.InclusionPath(0, 1));
    }

    [Fact]
    public void Every_pair_of_sizes_up_to_70_is_consistent_and_a_changed_root_or_proof_is_not()
    {
        var tree = new TestTree(70);
        for (long first = 1; first <= 70; first++)
            for (var second = first; second <= 70; second++)
            {
                var proof = tree.Consistency(first, second);
                Assert.True(Merkle.VerifyConsistency(first, second, tree.Root(first), tree.Root(second), proof), $"{first} -> {second}");
                if (first == second)
                    continue;
                var forged = tree.Root(first).ToArray();
                forged[0] ^= 1;
                Assert.False(Merkle.VerifyConsistency(first, second, forged, tree.Root(second), proof));
                if (proof.Count > 0)
                {
                    var bent = proof.Select(p => p.ToArray()).ToList();
                    bent[^1][5] ^= 1;
                    Assert.False(Merkle.VerifyConsistency(first, second, tree.Root(first), tree.Root(second), bent));
                }
            }
    }

    [Fact]
    public void A_fork_that_rewrote_one_early_leaf_is_not_consistent_with_the_earlier_head()
    {
        var original = new TestTree(40);
        var forked = new TestTree(40, changedLeaf: 3);
        var proof = forked.Consistency(10, 40);
        Assert.False(Merkle.VerifyConsistency(10, 40, original.Root(10), forked.Root(40), proof));
        Assert.True(Merkle.VerifyConsistency(10, 40, forked.Root(10), forked.Root(40), proof));
    }

    [Fact]
    public void A_range_s_hash_from_its_perfect_subtrees_is_the_hash_of_its_leaves()
    {
        var tree = new TestTree(37);
        foreach (var (start, end) in new[] { (0L, 37L), (32L, 37L), (16L, 21L), (0L, 1L), (36L, 37L) })
            Assert.Equal(tree.Hash(start, end), Merkle.RangeHash(new LeafRange(start, end), tree.Node));
    }

    /// <summary>A tree recomputed from its leaves by RFC 9162's definitions, as the reference the stored-node code must agree with.</summary>
    sealed class TestTree
    {
        readonly List<byte[]> _leaves = [];

        public TestTree(int size, int changedLeaf = -1)
        {
            for (var i = 0; i < size; i++)
                _leaves.Add(Merkle.LeafHash(System.Text.Encoding.UTF8.GetBytes(i == changedLeaf ? $"forged {i}" : $"entry {i}")));
        }

        public byte[] Leaf(long index) => _leaves[(int)index];

        public byte[] Hash(long start, long end)
        {
            if (end - start == 1)
                return _leaves[(int)start];
            var k = Merkle.Split(end - start);
            return Merkle.NodeHash(Hash(start, start + k), Hash(start + k, end));
        }

        public byte[] Node(TreeNodeId id) => Hash(id.Index << id.Level, (id.Index + 1) << id.Level);

        public byte[] Root(long size) => Hash(0, size);

        public List<byte[]> Inclusion(long index, long size) => Merkle.InclusionPath(index, size).Select(r => Hash(r.Start, r.End)).ToList();

        public List<byte[]> Consistency(long first, long second) => Merkle.ConsistencyPath(first, second).Select(r => Hash(r.Start, r.End)).ToList();
    }
}
