namespace Accreditation.Registration.Domain.Ledger;

/// <summary>
/// A tree head this service signed and published, as the note it sent. The copy that counts is the
/// witness's (another service's file): this one only lets proofs name a head that was published.
/// </summary>
public sealed class SignedTreeHead
{
    SignedTreeHead() { }

    public SignedTreeHead(TreeHead head, string keyId, string note)
    {
        Size = head.Size;
        RootHash = head.RootHex;
        At = head.At;
        KeyId = keyId;
        Note = note;
    }

    public long Id { get; private set; }
    public long Size { get; private set; }
    /// <summary>Lower-case hex SHA-256 Merkle root.</summary>
    public string RootHash { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    /// <summary>Hex key ID (C2SP signed note) of the key that signed it.</summary>
    public string KeyId { get; private set; } = "";
    /// <summary>The C2SP tlog-checkpoint signed note, exactly as published.</summary>
    public string Note { get; private set; } = "";
}
