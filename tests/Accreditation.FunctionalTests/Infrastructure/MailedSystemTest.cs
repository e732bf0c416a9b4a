namespace Accreditation.FunctionalTests.Infrastructure;

/// <summary>
/// A test with a system of its own that e-mails through a local SMTP sink (so sign-ups confirm
/// their address, and codes are read from the mail as people read them), started and stopped
/// around each test.
/// </summary>
public abstract class MailedSystemTest : IAsyncLifetime
{
    protected SmtpSink Smtp { get; private set; } = null!;
    protected SystemFixture Mailed { get; private set; } = null!;
    protected Clients Api { get; private set; } = null!;

    /// <summary>The system's settings; a test adds its own to <see cref="SystemFixture.MailSettings"/>.</summary>
    protected virtual Dictionary<string, string?> Settings(SmtpSink smtp) => SystemFixture.MailSettings(smtp);

    public async Task InitializeAsync()
    {
        Smtp = await SmtpSink.StartAsync();
        Mailed = new SystemFixture(Settings(Smtp)) { Mail = Smtp };
        await Mailed.InitializeAsync();
        Api = new Clients(Mailed);
    }

    public async Task DisposeAsync()
    {
        await Mailed.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
