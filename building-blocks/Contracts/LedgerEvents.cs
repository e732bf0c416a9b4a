namespace Accreditation.Contracts;

/// <summary>
/// The decision ledger's head at a moment: a copy kept outside the service lets a later
/// verification prove the first <paramref name="Count"/> entries were not rewritten.
/// </summary>
public sealed record LedgerCheckpointed(long Count, string HeadHash, DateTimeOffset At);
