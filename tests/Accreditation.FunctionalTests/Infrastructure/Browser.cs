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

    /// <summary>
    /// A fresh context (no shared cookies) on the portal's front page, through the gateway, in a
    /// browser whose language is <paramref name="culture"/>. Journeys bypass the Content-Security-Policy
    /// only so that axe-core can be injected; the policy itself has its own test.
    /// </summary>
    public async Task<IPage> OpenPortalAsync(SystemFixture system, string culture = "en", bool bypassContentSecurityPolicy = false)
    {
        var context = await _chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = system.System.GatewayHttp.ToString(),
            BypassCSP = bypassContentSecurityPolicy,
            Locale = culture switch { "fr" => "fr-FR", "es" => "es-ES", _ => "en-GB" },
            ViewportSize = new() { Width = 1200, Height = 900 },
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
