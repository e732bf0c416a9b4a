namespace Accreditation.Contracts;

/// <summary>
/// The ledger's Merkle tree head, signed by Registration (RFC 9162 tree, C2SP tlog-checkpoint note
/// in <paramref name="Checkpoint"/>), for a witness outside Registration to check and keep. It replaced
/// the chain's unsigned LedgerCheckpointed: the tree's leaves are the chain's hashes, so a signed head
/// pins the chain's head as well, and the witness checks and keeps it.
/// </summary>
/// <param name="RootHash">Lower-case hex SHA-256 Merkle root of the first <paramref name="Size"/> entries.</param>
public sealed record LedgerTreeHeadSigned(long Size, string RootHash, DateTimeOffset At, string Checkpoint);
