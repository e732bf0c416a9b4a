using System.Diagnostics.CodeAnalysis;

namespace Accreditation.Identity.Domain;

/// <summary>
/// One password sign-in of a person, named by the `sid` claim of its tokens. Its refresh tokens
/// work while it has not ended: signing out (EndSession) ends it. One row per sign-in, not per token.
/// </summary>
public sealed class AccountSession
{
    public string Id { get; private set; } = "";
    public string AccountId { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    AccountSession() { }

    public static AccountSession Start(string accountId, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        AccountId = accountId,
        StartedAt = now,
    };

    public bool IsActive => EndedAt is null;

    /// <summary>Ending an ended session changes nothing: signing out twice is signing out.</summary>
    public void End(DateTimeOffset now) => EndedAt ??= now;

    /// <summary>
    /// Signing out: a signed token names its own account's session, so a session is ended only by
    /// its account; for any other account nothing changes. Whether it was the account's session.
    /// </summary>
    public bool EndBy(string accountId, DateTimeOffset now)
    {
        if (AccountId != accountId)
            return false;
        End(now);
        return true;
    }

    /// <summary>Whether a refresh token naming this session may still be exchanged by <paramref name="accountId"/>.</summary>
    public bool Allows(string accountId) => IsActive && AccountId == accountId;

    /// <summary>
    /// Whether a refresh token issued to <paramref name="user"/> with <paramref name="stamp"/> in
    /// <paramref name="session"/> still buys tokens: the account exists, its security stamp is
    /// unchanged (no new password since) and the session has not ended.
    /// </summary>
    public static bool AllowsRefresh([NotNullWhen(true)] AccountUser? user, string stamp, [NotNullWhen(true)] AccountSession? session) =>
        user is not null && user.SecurityStamp == stamp && session is not null && session.Allows(user.Id);
}
