namespace Accreditation.Contracts;

/// <summary>
/// The secretariat revoked an API client (Identity): every service refuses the client's tokens
/// from now on, including those issued before, which are otherwise valid until they expire.
/// </summary>
public sealed record ApiClientRevoked(string ClientId, string? StateCode, DateTimeOffset RevokedAt);
