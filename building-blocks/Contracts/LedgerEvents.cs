namespace Accreditation.Contracts;

/// <summary>
/// The decision ledger's head at a moment: a copy kept outside the service lets a later
/// verification prove the first <paramref name="Count"/> entries were not rewritten.
/// </summary>
public sealed record LedgerCheckpointed(long Count, string HeadHash, DateTimeOffset At);

/// <summary>
/// The ledger's Merkle tree head, signed by Registration (RFC 9162 tree, C2SP tlog-checkpoint note
/// in <paramref name="Checkpoint"/>), for a witness outside Registration to check and keep.
/// </summary>
/// <param name="RootHash">Lower-case hex SHA-256 Merkle root of the first <paramref name="Size"/> entries.</param>
public sealed record LedgerTreeHeadSigned(long Size, string RootHash, DateTimeOffset At, string Checkpoint);
