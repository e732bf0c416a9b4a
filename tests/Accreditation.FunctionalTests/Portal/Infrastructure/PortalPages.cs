using System.Text.Json;
using Accreditation.FunctionalTests.Infrastructure;
using Microsoft.Playwright;

namespace Accreditation.FunctionalTests.Portal.Infrastructure;

/// <summary>
/// What every journey checks on every page it reaches: a screenshot kept as a test artifact
/// (TestResults/portal-screenshots/{culture}/), axe-core's serious and critical violations, and,
/// at the end, that no text was left untranslated in the journey's language.
/// </summary>
public sealed class PortalPages(SystemFixture system, string culture)
{
    public PortalText T { get; } = PortalText.For(culture);

    public string Culture => culture;

    /// <summary>The page as it stands: saved as a screenshot named <paramref name="name"/>, then checked by axe-core.</summary>
    public async Task CheckAsync(IPage page, string name)
    {
        var folder = Path.Combine(ArtifactsDirectory(), culture);
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core on {name} ({culture}, {page.Url}):\n{string.Join("\n", violations)}");
        Assert.Equal(culture, await page.GetAttributeAsync("html", "lang"));
    }

    /// <summary>No page of the journey showed a text the portal could not find in the journey's language.</summary>
    public void NothingUntranslated()
    {
        var untranslated = system.Logs.Lines.Where(l => l.Message.StartsWith($"Untranslated text in {culture}", StringComparison.Ordinal)).Select(l => l.Message).Distinct().ToList();
        Assert.True(untranslated.Count == 0, string.Join("\n", untranslated));
    }

    /// <summary>axe-core's WCAG 2.1 A/AA rules: "rule: help (nodes)" per serious or critical violation.</summary>
    static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = AxeScript() });
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`)");
        return violations.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>axe-core from the repository's npm packages (package.json; scripts/test.sh installs them).</summary>
    static string AxeScript() => FromRepository(Path.Combine("node_modules", "axe-core", "axe.min.js"))
        ?? throw new InvalidOperationException("node_modules/axe-core is missing: run `npm ci` at the repository root (scripts/test.sh does).");

    /// <summary>Screenshots beside the test results, never in the sources.</summary>
    static string ArtifactsDirectory() =>
        Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(FromRepository("tests") ?? AppContext.BaseDirectory, "..", "TestResults", "portal-screenshots");

    static string? FromRepository(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate) || Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
