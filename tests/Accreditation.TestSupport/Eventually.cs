namespace Accreditation.TestSupport;

/// <summary>Waiting for an eventually consistent fact (events travel through a bus): poll it until it holds or the deadline passes.</summary>
public static class Eventually
{
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> until, string what, TimeSpan timeout, TimeSpan poll)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (until(value))
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Gave up waiting for {what}; last value: {value}");
            await Task.Delay(poll);
        }
    }
}
