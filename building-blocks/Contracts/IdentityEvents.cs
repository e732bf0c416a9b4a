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

/// <summary>
/// Someone asked for a new password of an account (Identity): Notifications e-mails the one-time
/// code, in the account's language. The code is valid until ExpiresAt, once.
/// </summary>
public sealed record PasswordResetRequested(string Subject, string Email, string DisplayName, string Language, string Code, DateTimeOffset ExpiresAt);

/// <summary>
/// An officer created a State party's user (Identity): Notifications e-mails the welcome with the
/// one-time code that sets its first password (as a password reset), valid until ExpiresAt.
/// </summary>
public sealed record StateUserInvited(string Subject, string Email, string DisplayName, string Language, string StateCode, string Code, DateTimeOffset ExpiresAt);

/// <summary>A person chose another language for notices (Identity): later notices are written in it.</summary>
public sealed record AccountLanguageChanged(string Subject, string Language, DateTimeOffset At);
