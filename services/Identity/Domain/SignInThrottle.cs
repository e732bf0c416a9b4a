namespace Accreditation.Identity.Domain;

/// <summary>
/// Slows down repeated wrong passwords per account name and source address, instead of locking
/// the account: whoever guesses from one address waits longer and longer there, while the owner,
/// signing in from elsewhere, is not locked out. Keyed on the name as typed (normalized), whether
/// or not an account has it, so the answer tells nothing of who has an account.
/// Kept in memory: a restart forgets it, and the gateway's sign-in budget still holds per caller.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    /// <summary>Wrong passwords that cost nothing; after them each one doubles the wait.</summary>
    public const int FreeFailures = 5;
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);
    /// <summary>A key quiet this long is forgotten.</summary>
    static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    readonly Dictionary<(string Account, string Source), Failures> _failures = [];
    DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>Until when a new try from <paramref name="source"/> for <paramref name="account"/> is refused, if it is.</summary>
    public DateTimeOffset? BlockedUntil(string account, string source)
    {
        var now = clock.GetUtcNow();
        lock (_failures)
            return _failures.TryGetValue(Key(account, source), out var f) && f.BlockedUntil > now ? f.BlockedUntil : null;
    }

    public void Failed(string account, string source)
    {
        var now = clock.GetUtcNow();
        lock (_failures)
        {
            Sweep(now);
            var key = Key(account, source);
            var failures = _failures.GetValueOrDefault(key) ?? new Failures(0, now, now);
            var count = failures.Count + 1;
            var delay = count <= FreeFailures ? TimeSpan.Zero : Delay(count - FreeFailures);
            _failures[key] = new Failures(count, now, now + delay);
        }
    }

    public void Succeeded(string account, string source)
    {
        lock (_failures)
            _failures.Remove(Key(account, source));
    }

    /// <summary>The wait after the n-th failure beyond the free ones: 2 s, 4 s, 8 s ... at most 15 minutes.</summary>
    public static TimeSpan Delay(int beyondFree) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks * (1L << Math.Min(beyondFree - 1, 20))));

    static (string, string) Key(string account, string source) => (account.Trim().ToUpperInvariant(), source);

    void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep)
            return;
        foreach (var (key, f) in _failures.ToList())
            if (f.LastFailure + Memory < now && f.BlockedUntil < now)
                _failures.Remove(key);
        _nextSweep = now + TimeSpan.FromMinutes(5);
    }

    sealed record Failures(int Count, DateTimeOffset LastFailure, DateTimeOffset BlockedUntil);
}
