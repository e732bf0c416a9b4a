namespace Accreditation.Registration.Domain.Ledger;

/// <summary>
/// The hash of one perfect subtree of the ledger's Merkle tree (level 0: a leaf). Derived from the
/// entries, kept so that a proof at a million entries reads a few dozen rows, not every entry;
/// verification never trusts them: it recomputes the tree from the entries.
/// </summary>
public sealed class LedgerTreeNode
{
    LedgerTreeNode() { }

    public LedgerTreeNode(TreeNodeId id, byte[] hash)
    {
        Level = id.Level;
        Index = id.Index;
        Hash = hash;
    }

    public int Level { get; private set; }
    public long Index { get; private set; }
    public byte[] Hash { get; private set; } = [];

    public TreeNodeId Id => new(Level, Index);
}
