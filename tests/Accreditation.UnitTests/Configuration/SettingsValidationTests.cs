using Accreditation.Objections;
using Accreditation.ServiceDefaults.Configuration;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Accreditation.UnitTests.Configuration;

/// <summary>A settings class refuses a wrong value by its full name, read at composition or at start.</summary>
public sealed class SettingsValidationTests
{
    static IConfiguration Configuration(string key, string value) =>
        new ConfigurationBuilder().AddInMemoryCollection([new KeyValuePair<string, string?>(key, value)]).Build();

    [Theory]
    [InlineData("Kafka")]
    [InlineData("7")]
    public void An_unknown_bus_transport_is_refused_naming_the_setting(string transport)
    {
        var refusal = Assert.ThrowsAny<Exception>(() => Configuration("Bus:Transport", transport).ReadSettings<BusOptions>(BusOptions.Section));

        Assert.Contains("Bus:Transport", refusal.Message + refusal.InnerException?.Message);
    }

    [Fact]
    public void A_known_transport_is_read_whatever_its_case()
    {
        Assert.Equal(BusTransport.RabbitMq, Configuration("Bus:Transport", "rabbitmq").ReadSettings<BusOptions>(BusOptions.Section).Transport);
    }

    [Fact]
    public void A_negative_poll_interval_stops_the_start_naming_the_setting()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Configuration("Objections:DeadlinePollInterval", "-00:00:01"));
        services.AddSettings<ObjectionWindowOptions>(ObjectionWindowOptions.Section);
        using var provider = services.BuildServiceProvider();

        var refusal = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ObjectionWindowOptions>>().Value);

        Assert.Equal("Objections:DeadlinePollInterval: must be positive.", Assert.Single(refusal.Failures));
    }

    [Fact]
    public void Unset_settings_are_the_classes_defaults()
    {
        var options = new ConfigurationBuilder().Build().ReadSettings<ObjectionWindowOptions>(ObjectionWindowOptions.Section);

        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromDays(2)), (options.DeadlinePollInterval, options.ReminderLeadTime));
    }
}
