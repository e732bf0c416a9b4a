namespace Accreditation.Notifications.Domain;

/// <summary>
/// A signed tree head of Registration's ledger that this witness accepted: its signature verified
/// and it is consistent with every head held before it. Kept in Notifications' own file, so that
/// whoever can edit Registration's cannot remove it.
/// </summary>
public sealed class WitnessedHead
{
    WitnessedHead() { }

    public WitnessedHead(string origin, long size, string rootHash, DateTimeOffset signedAt, string checkpoint, DateTimeOffset witnessedAt)
    {
        Origin = origin;
        Size = size;
        RootHash = rootHash;
        SignedAt = signedAt;
        Checkpoint = checkpoint;
        WitnessedAt = witnessedAt;
    }

    public long Id { get; private set; }
    public string Origin { get; private set; } = "";
    public long Size { get; private set; }
    /// <summary>Lower-case hex Merkle root.</summary>
    public string RootHash { get; private set; } = "";
    public DateTimeOffset SignedAt { get; private set; }
    /// <summary>The C2SP checkpoint note as received.</summary>
    public string Checkpoint { get; private set; } = "";
    public DateTimeOffset WitnessedAt { get; private set; }
}
