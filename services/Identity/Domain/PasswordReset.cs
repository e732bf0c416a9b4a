using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Identity.Domain;

/// <summary>
/// A new password for whoever reads the account's mailbox: a random code e-mailed by
/// Notifications, valid for <see cref="Lifetime"/> and once. Only its hash is kept, so the accounts
/// table alone resets nobody's password. A State user's first password is set the same way, with
/// the longer <see cref="InvitationLifetime"/>.
/// </summary>
public static class PasswordReset
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>An officer invites a State user, who may not read the e-mail within the half hour.</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    /// <summary>At most one new code a minute per account, so a stranger cannot keep cancelling the code its owner was sent.</summary>
    public static readonly TimeSpan RequestInterval = TimeSpan.FromMinutes(1);

    const string WrongCode = "does not reset the password of this e-mail address (wrong, used or expired code)";

    public static bool MayRestart(AccountUser user, DateTimeOffset now) =>
        user.PasswordResetRequestedAt is not { } requested || now >= requested + RequestInterval;

    /// <summary>Starts (or restarts) a reset: returns the code to send; the previous code stops working.</summary>
    public static string Start(AccountUser user, DateTimeOffset now, TimeSpan? lifetime = null)
    {
        var code = OneTimeCode.New();
        user.PasswordResetHash = OneTimeCode.Hash(code);
        user.PasswordResetRequestedAt = now;
        user.PasswordResetExpiresAt = now + (lifetime ?? Lifetime);
        return code;
    }

    /// <summary>
    /// Checks the e-mailed code. One answer for an unknown address, a wrong, a used and an expired
    /// code, so the call tells nobody who has an account or which codes once existed.
    /// </summary>
    public static void Verify(AccountUser? user, string? code, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(code))
            throw new InvalidFieldException("code", "is required", CommonReasons.FieldRequired);
        if (user is null || !OneTimeCode.Matches(user.PasswordResetHash, code)
            || user.PasswordResetExpiresAt is not { } expires || now > expires)
            throw new InvalidFieldException("code", WrongCode, IdentityReasons.ResetCodeInvalid);
    }

    /// <summary>
    /// The code is spent, and the security stamp renewed: every refresh token issued before names
    /// the old stamp, so every existing session ends with the old password. Reading the code from
    /// the mailbox also proves the address.
    /// </summary>
    public static void Complete(AccountUser user)
    {
        user.PasswordResetHash = null;
        user.PasswordResetExpiresAt = null;
        user.SecurityStamp = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
        user.EmailConfirmed = true;
    }
}
