using Microsoft.Playwright;

namespace Accreditation.FunctionalTests.Infrastructure;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright. Never a browser Playwright downloads: the
/// machine's network is closed, and CI installs the chromium package.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    const string Chromium = "/usr/bin/chromium";

    readonly IPlaywright _playwright;
    readonly IBrowser _chromium;

    Browser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        _chromium = chromium;
    }

    public static async Task<Browser> LaunchAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium package (.ci/run does).");
        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new Browser(playwright, chromium);
    }

    /// <summary>A fresh context (no shared storage) on the gateway's portal.</summary>
    public async Task<IPage> OpenPortalAsync(SystemFixture system, bool bypassContentSecurityPolicy = false)
    {
        var context = await _chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = system.System.GatewayHttp.ToString(),
            BypassCSP = bypassContentSecurityPolicy,
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _chromium.CloseAsync();
        _playwright.Dispose();
    }
}
