using System.Diagnostics.CodeAnalysis;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Identity.Domain;

/// <summary>
/// The proof that a new organization user reads the address it signed up with: a random code
/// e-mailed by Notifications, valid for <see cref="Lifetime"/>. Only its hash is kept, so the
/// accounts table alone confirms nobody.
/// </summary>
public static class EmailConfirmation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(2);

    /// <summary>
    /// At most one new code a minute per account: a stranger who signed up with someone's address
    /// can neither flood it with e-mail nor keep cancelling the code its owner was sent.
    /// </summary>
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(1);

    public static bool MayRestart(AccountUser user, DateTimeOffset now) =>
        user.EmailConfirmationExpiresAt is not { } expires || now >= expires - Lifetime + ResendInterval;

    /// <summary>
    /// Whether a new code goes out on request (ResendEmailConfirmation): only organization accounts
    /// confirm their address, only until they have, and at most once per <see cref="ResendInterval"/>.
    /// </summary>
    public static bool MayResend([NotNullWhen(true)] AccountUser? user, DateTimeOffset now) =>
        user is { EmailConfirmed: false, Role: Roles.Organization } && MayRestart(user, now);

    /// <summary>
    /// Whether the account is refused a sign-in for want of a confirmed address: an organization
    /// account that has not confirmed it, when the service requires confirmation.
    /// </summary>
    public static bool HoldsBackSignIn(AccountUser user, bool confirmationRequired) =>
        confirmationRequired && user.Role == Roles.Organization && !user.EmailConfirmed;

    /// <summary>Starts (or restarts) confirmation: returns the code to send; the account keeps its hash and expiry.</summary>
    public static string Start(AccountUser user, DateTimeOffset now)
    {
        var code = OneTimeCode.New();
        user.EmailConfirmed = false;
        user.EmailConfirmationHash = OneTimeCode.Hash(code);
        user.EmailConfirmationExpiresAt = now + Lifetime;
        return code;
    }

    /// <summary>
    /// Confirms the address with the e-mailed code. The same answer for an unknown address and a
    /// wrong code, so the call does not tell who has an account; a confirmed account confirms again.
    /// </summary>
    public static void Confirm(AccountUser? user, string? code, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(code))
            throw new InvalidFieldException("code", "is required", CommonReasons.FieldRequired);
        if (user is null || !OneTimeCode.Matches(user.EmailConfirmationHash, code))
            throw new InvalidFieldException("code", "does not confirm this e-mail address", IdentityReasons.ConfirmationCodeInvalid);
        if (user.EmailConfirmed)
            return;
        if (user.EmailConfirmationExpiresAt is { } expires && now > expires)
            throw new RuleViolationException($"The confirmation code expired at {expires:O}; the account is still unconfirmed.",
                IdentityReasons.ConfirmationCodeExpired, ("expired_at", expires));
        user.EmailConfirmed = true;
    }
}
