using Accreditation.ServiceDefaults.Data;
using Microsoft.Extensions.Configuration;

namespace Accreditation.UnitTests.Databases;

public sealed class DatabaseOptionsTests
{
    static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void Without_settings_a_service_stays_on_sqlite()
    {
        Assert.Equal((DatabaseProvider.Sqlite, null), DatabaseOptions.For(Settings(), "registration"));
    }

    [Fact]
    public void A_service_of_its_own_overrides_the_process_provider()
    {
        var settings = Settings(("Database:Provider", "PostgreSql"), ("Database:Identity:Provider", "Sqlite"),
            ("ConnectionStrings:registration", "Host=db;Database=registration"));

        Assert.Equal((DatabaseProvider.PostgreSql, "Host=db;Database=registration"), DatabaseOptions.For(settings, "registration"));
        Assert.Equal(DatabaseProvider.Sqlite, DatabaseOptions.For(settings, "identity").Provider);
    }

    [Theory]
    [InlineData("Database:Provider", "Oracle")]
    [InlineData("Database:Registration:Provider", "1")]
    public void An_unknown_provider_refuses_the_start_naming_the_setting(string key, string value)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => DatabaseOptions.For(Settings((key, value)), "registration"));

        Assert.StartsWith($"{key} is '{value}'", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sqlite or PostgreSql", refused.Message);
    }

    [Fact]
    public void Postgresql_without_a_connection_string_refuses_the_start()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => DatabaseOptions.For(Settings(("Database:Objections:Provider", "postgresql")), "objections"));

        Assert.Contains("ConnectionStrings:objections is not set", refused.Message);
    }
}
