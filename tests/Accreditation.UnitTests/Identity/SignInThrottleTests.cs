using Accreditation.Identity.Domain;
using Microsoft.Extensions.Time.Testing;

namespace Accreditation.UnitTests.Identity;

public sealed class SignInThrottleTests
{
    const string Account = "owner@example.org";
    const string Attacker = "203.0.113.9";
    const string Owner = "198.51.100.1";

    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Five_failures_cost_nothing_then_each_one_doubles_the_wait_for_that_source_only()
    {
        var throttle = new SignInThrottle(_clock);
        for (var i = 0; i < SignInThrottle.FreeFailures; i++)
            throttle.Failed(Account, Attacker);
        Assert.Null(throttle.BlockedUntil(Account, Attacker));

        throttle.Failed(Account, Attacker);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(2), throttle.BlockedUntil(Account, Attacker));
        Assert.Null(throttle.BlockedUntil(Account, Owner));
        Assert.Null(throttle.BlockedUntil("someone-else@example.org", Attacker));

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(throttle.BlockedUntil(Account, Attacker));
        throttle.Failed(Account, Attacker);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(4), throttle.BlockedUntil(Account, Attacker));
    }

    [Fact]
    public void The_name_is_compared_as_an_address_and_a_success_clears_the_count()
    {
        var throttle = new SignInThrottle(_clock);
        for (var i = 0; i <= SignInThrottle.FreeFailures; i++)
            throttle.Failed(" Owner@Example.org", Attacker);
        Assert.NotNull(throttle.BlockedUntil(Account, Attacker));

        throttle.Succeeded(Account, Attacker);
        Assert.Null(throttle.BlockedUntil(Account, Attacker));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(9, 512)]
    [InlineData(10, 900)]
    [InlineData(60, 900)]
    public void The_wait_doubles_up_to_fifteen_minutes(int beyondFree, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SignInThrottle.Delay(beyondFree));
}
