using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.Standalone;

namespace Accreditation.FunctionalTests.Configuration;

/// <summary>A wrong setting stops the start of the real system, and the refusal names the setting.</summary>
public sealed class WrongSettingTests : IDisposable
{
    readonly string _data = Path.Combine(Path.GetTempPath(), "accreditation-tests", Guid.NewGuid().ToString("N"));

    [Theory]
    // Read when the composition needs it (which bus to build).
    [InlineData("Bus:Transport", "Kafka", "Bus:Transport")]
    // Checked when the host starts (ValidateOnStart).
    [InlineData("Objections:DeadlinePollInterval", "-00:00:01", "Objections:DeadlinePollInterval")]
    [InlineData("Notifications:Delivery:MaxAttempts", "0", "Notifications:Delivery:MaxAttempts")]
    [InlineData("Gateway:RateLimits:SignIn:Window", "00:00:00", "Gateway:RateLimits:SignIn:Window")]
    [InlineData("Notifications:Smtp:Security", "Sometimes", "Notifications:Smtp:Security")]
    [InlineData("Ledger:TreeHeadPollInterval", "ten seconds", "Ledger:TreeHeadPollInterval")]
    public async Task A_wrong_setting_stops_the_start_naming_the_setting(string key, string value, string named)
    {
        var start = () => StandaloneSystem.StartAsync(new StandaloneOptions(_data, StandalonePorts.Free())
        {
            Settings = new Dictionary<string, string?> { [key] = value },
        });

        var refusal = await Assert.ThrowsAnyAsync<Exception>(start);

        Assert.Contains(named, Messages(refusal));
    }

    [Fact]
    public async Task The_defaults_start_the_system()
    {
        await using var system = await StandaloneSystem.StartAsync(new StandaloneOptions(_data, StandalonePorts.Free()));

        using var http = new HttpClient { BaseAddress = system.GatewayHttp };
        Assert.True((await http.GetAsync("/healthz")).IsSuccessStatusCode);
    }

    // The binder's conversion failure carries the key in an inner exception's message.
    static string Messages(Exception e) => e.InnerException is null ? e.Message : e.Message + " " + Messages(e.InnerException);

    public void Dispose()
    {
        if (Directory.Exists(_data))
            Directory.Delete(_data, recursive: true);
    }
}
