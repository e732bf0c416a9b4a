namespace Accreditation.Contracts;

/// <summary>
/// The secretariat revoked an API client (Identity): every service refuses the client's tokens
/// from now on, including those issued before, which are otherwise valid until they expire.
/// </summary>
public sealed record ApiClientRevoked(string ClientId, string? StateCode, DateTimeOffset RevokedAt);

/// <summary>
/// A new organization user must confirm its e-mail address (Identity): Notifications e-mails the
/// code, in the user's language (en, fr, es). The code is valid until ExpiresAt.
/// </summary>
public sealed record EmailConfirmationRequested(string Subject, string Email, string DisplayName, string Language, string Code, DateTimeOffset ExpiresAt);

/// <summary>
/// Someone signed up with the address of an existing account (Identity). Sign-up answers as for a
/// new address, so it does not tell who has an account; the owner is told by e-mail instead.
/// </summary>
public sealed record SignUpRepeated(string Subject, string Email, string DisplayName, string Language, DateTimeOffset At);
