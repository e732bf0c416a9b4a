namespace Accreditation.Notifications.Domain;

/// <summary>How often an e-mail is attempted, and how long to wait between attempts (exponential, capped).</summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>The wait after the given number of failed attempts: FirstDelay, doubled each time, at most MaxDelay.</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Max(0, failedAttempts - 1));
        var ticks = Math.Min(FirstDelay.Ticks * factor, MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
