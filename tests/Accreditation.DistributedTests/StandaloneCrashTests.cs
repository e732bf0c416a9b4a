using Accreditation.DistributedTests.Infrastructure;
using Xunit.Abstractions;

namespace Accreditation.DistributedTests;

/// <summary>
/// Section 4 of the design: the standalone topology, whose in-memory bus dies with the process,
/// loses nothing either when the whole host is SIGKILLed at any instant and started again.
/// </summary>
// In the distributed collection: one multi-process test at a time on the machine.
[Collection(DistributedCollection.Name)]
public sealed class StandaloneCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    readonly StandaloneProcess _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    [Fact]
    public Task The_standalone_host_killed_while_applications_are_circulated_and_decided_loses_no_event_and_applies_none_twice() =>
        new CrashScenario(_host, output, "SIGKILL of the whole standalone host", async _ =>
        {
            _host.Kill();
            await _host.StartAsync();
            return "standalone host";
        }).RunAsync();

    public Task DisposeAsync()
    {
        output.WriteLine($"{_host.Starts} starts, healthy after {string.Join(", ", _host.StartTimes.Select(t => $"{t.TotalSeconds:0.0} s"))}");
        return _host.DisposeAsync();
    }
}
