using Accreditation.FunctionalTests.Infrastructure;

namespace Accreditation.FunctionalTests.Portal.Infrastructure;

/// <summary>
/// One host with e-mail on (a real SMTP server on loopback) and one Chromium, shared by the
/// journeys of one test class: each journey opens its own browser context (its own cookies).
/// </summary>
public class PortalSystem : IAsyncLifetime
{
    SmtpSink _smtp = null!;

    /// <summary>Settings of this class's host besides e-mail.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public SystemFixture System { get; private set; } = null!;
    public Browser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpSink.StartAsync();
        System = new SystemFixture(SystemFixture.MailSettings(_smtp).Concat(Settings).ToDictionary()) { Mail = _smtp };
        await System.InitializeAsync();
        Browser = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await System.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
