using Accreditation.Notifications.Domain;
using Accreditation.Notifications.Email;
using MailKit.Security;

namespace Accreditation.UnitTests.Notifications;

public sealed class ConfiguredRecipientsTests
{
    static readonly ConfiguredRecipients Configured = NotificationsParts.Recipients(new()
    {
        ["Notifications:Recipients:secretariat:Email"] = "accreditation@un.example; duty-officer@un.example",
        ["Notifications:Recipients:state:AUT:Email"] = "mission@aut.example",
        ["Notifications:Recipients:state:AUT:Language"] = "FR",
        ["Notifications:Recipients:state:mex:Email"] = "mision@mex.example",
        ["Notifications:Recipients:state:mex:Language"] = "es",
        ["Notifications:Recipients:states:Language"] = "fr",
    });

    [Fact]
    public void The_key_is_the_recipient_followed_by_email_and_language()
    {
        Assert.Equal([new Addressee("mission@aut.example", "fr")], Configured.AddresseesOf("state:AUT"));
        Assert.Equal([new Addressee("mision@mex.example", "es")], Configured.AddresseesOf("state:MEX"));
        Assert.Equal("fr", Configured.LanguageOf("state:AUT"));
    }

    [Fact]
    public void The_secretariat_may_have_several_addresses_and_defaults_to_english()
    {
        Assert.Equal(
            [new Addressee("accreditation@un.example", "en"), new Addressee("duty-officer@un.example", "en")],
            Configured.AddresseesOf(Recipients.Secretariat));
    }

    [Fact]
    public void A_notice_to_every_state_party_goes_to_each_configured_state_in_its_own_language()
    {
        Assert.Equal(
            [new Addressee("mission@aut.example", "fr"), new Addressee("mision@mex.example", "es")],
            Configured.AddresseesOf(Recipients.States));
        Assert.Equal("fr", Configured.LanguageOf(Recipients.States));
    }

    [Fact]
    public void An_unconfigured_recipient_has_no_address_and_reads_english()
    {
        Assert.Empty(Configured.AddresseesOf("state:BRA"));
        Assert.Equal("en", Configured.LanguageOf("state:BRA"));
        Assert.Empty(Configured.AddresseesOf(SampleEvents.Organization));
    }

    [Theory]
    [InlineData("Notifications:Recipients:secretariat:Email", "not an address")]
    [InlineData("Notifications:Recipients:organizations:Email", "a@b.example")]
    public void A_wrong_address_or_an_unknown_recipient_stops_the_start(string key, string value)
    {
        Assert.Throws<InvalidOperationException>(() => NotificationsParts.Recipients(new() { [key] = value }));
    }

    [Fact]
    public void E_mail_is_on_only_when_an_smtp_host_is_configured()
    {
        Assert.False(EmailSettings.Read(NotificationsParts.Configuration([])).Enabled);
        var on = EmailSettings.Read(NotificationsParts.Configuration(new()
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = "2525",
            ["Notifications:Smtp:Security"] = "None",
            ["Notifications:Delivery:MaxAttempts"] = "3",
        }));
        Assert.True(on.Enabled);
        Assert.Equal(new SmtpSettings("127.0.0.1", 2525, SecureSocketOptions.None, null, null, TimeSpan.FromSeconds(30)), on.Smtp);
        Assert.Equal(3, on.Retry.MaxAttempts);
    }

    [Fact]
    public void The_retry_delay_doubles_after_each_failure_up_to_the_maximum()
    {
        var policy = new RetryPolicy(10, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));
        Assert.Equal(
            [TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)],
            Enumerable.Range(1, 6).Select(policy.DelayAfter));
    }
}
