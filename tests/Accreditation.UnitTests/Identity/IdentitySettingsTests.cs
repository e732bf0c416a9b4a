using Accreditation.Identity;
using Microsoft.Extensions.Configuration;

namespace Accreditation.UnitTests.Identity;

public sealed class IdentitySettingsTests
{
    static IConfiguration Configuration(params (string Key, string Value)[] entries) =>
        new ConfigurationBuilder().AddInMemoryCollection(entries.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value))).Build();

    [Fact]
    public void Defaults_give_fifteen_minute_tokens_and_keys_beside_the_data()
    {
        var settings = IdentitySettings.From(Configuration(("Identity:Issuer", "http://127.0.0.1:5101"), ("Data:Directory", "/srv/data")));

        Assert.Equal(new Uri("http://127.0.0.1:5101/"), settings.Issuer);
        Assert.Equal(TimeSpan.FromMinutes(15), settings.AccessTokenLifetime);
        Assert.Equal(Path.GetFullPath("/srv/data/identity-keys"), settings.KeysDirectory);
        Assert.Empty(settings.Clients);
    }

    [Fact]
    public void Clients_are_read_in_order()
    {
        var settings = IdentitySettings.From(Configuration(
            ("Identity:Issuer", "http://127.0.0.1:5101/"),
            ("Identity:AccessTokenLifetime", "00:05:00"),
            ("Identity:Clients:0:ClientId", "secretariat-officer"), ("Identity:Clients:0:ClientSecret", "officer-secret-1"), ("Identity:Clients:0:Role", "officer"),
            ("Identity:Clients:1:ClientId", "state-ken"), ("Identity:Clients:1:ClientSecret", "kenya-secret-1"), ("Identity:Clients:1:Role", "state"), ("Identity:Clients:1:State", "KEN")));

        Assert.Equal(TimeSpan.FromMinutes(5), settings.AccessTokenLifetime);
        Assert.Equal(["secretariat-officer", "state-ken"], settings.Clients.Select(c => c.ClientId));
        Assert.Equal("KEN", settings.Clients[1].StateCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("127.0.0.1:5101")]
    [InlineData("/relative")]
    [InlineData("ftp://example.org/")]
    public void The_issuer_must_be_an_absolute_http_address(string? issuer) =>
        Assert.Throws<InvalidOperationException>(() => IdentitySettings.From(issuer is null ? Configuration() : Configuration(("Identity:Issuer", issuer))));

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:05:00")]
    [InlineData("2.00:00:00")]
    public void The_token_lifetime_must_be_positive_and_at_most_a_day(string lifetime) =>
        Assert.Throws<InvalidOperationException>(() => IdentitySettings.From(Configuration(("Identity:Issuer", "http://127.0.0.1:5101/"), ("Identity:AccessTokenLifetime", lifetime))));

    [Fact]
    public void Staff_accounts_are_read_from_configuration_and_a_bad_entry_stops_the_start()
    {
        var settings = IdentitySettings.From(Configuration(("Identity:Issuer", "http://127.0.0.1:5101/"),
            ("Identity:Staff:0:Email", "officer@un.org"), ("Identity:Staff:0:Role", "Officer"), ("Identity:Staff:0:Password", "Long-Password-1")));

        var staff = Assert.Single(settings.Staff);
        Assert.Equal(("officer@un.org", "officer", "officer@un.org"), (staff.Email, staff.Role, staff.DisplayName));
        Assert.DoesNotContain("Long-Password-1", staff.ToString());
        Assert.Throws<InvalidOperationException>(() => IdentitySettings.From(Configuration(("Identity:Issuer", "http://127.0.0.1:5101/"),
            ("Identity:Staff:0:Email", "state@un.org"), ("Identity:Staff:0:Role", "state"), ("Identity:Staff:0:Password", "Long-Password-1"))));
    }

    [Fact]
    public void Refresh_tokens_outlive_access_tokens_by_default_and_must()
    {
        var settings = IdentitySettings.From(Configuration(("Identity:Issuer", "http://127.0.0.1:5101/")));

        Assert.True(settings.RefreshTokenLifetime > settings.AccessTokenLifetime);
        Assert.Throws<InvalidOperationException>(() => IdentitySettings.From(Configuration(("Identity:Issuer", "http://127.0.0.1:5101/"),
            ("Identity:RefreshTokenLifetime", "00:10:00"))));
    }
}
