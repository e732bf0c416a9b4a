using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.FunctionalTests.Portal.Infrastructure;
using Microsoft.Playwright;
using static Accreditation.FunctionalTests.Portal.PortalSteps;
using static Microsoft.Playwright.Assertions;

namespace Accreditation.FunctionalTests.Portal;

/// <summary>Each person sees the pages of their role only: another role's page answers 403, logged, and is not in the navigation.</summary>
[Collection(SystemCollection.Name)]
public sealed class PortalAccessTests(SystemFixture system) : IAsyncLifetime
{
    static readonly string[] SecretariatPages = ["/en/secretariat", "/en/secretariat/screening", "/en/secretariat/ledger", "/en/secretariat/state-clients"];
    static readonly string[] OrganizationPages = ["/en/organization", "/en/profile", "/en/dialogues", "/en/colleagues"];
    static readonly string[] StatePages = ["/en/state"];

    readonly PortalText _t = PortalText.For("en");
    Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Browser.LaunchAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task An_organization_user_gets_403_on_every_secretariat_and_State_page_and_sees_none_in_the_navigation()
    {
        var user = await system.SignUpOrganizationUserAsync();
        var page = await SignedInAsync(user.Email, PortalSteps.Password);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/en/organization$"));
        await Expect(Navigation(page).GetByRole(AriaRole.Link, new() { Name = _t["Screening"] })).ToHaveCountAsync(0);
        await RefusedAsync(page, SecretariatPages.Concat(StatePages));
        Assert.Contains(system.Logs.Lines, l => l.Message.StartsWith("Refused page /en/secretariat", StringComparison.Ordinal) && l.Message.Contains(user.Subject, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("auditor")]
    public async Task A_secretariat_member_gets_403_on_every_organization_and_State_page(string role)
    {
        var staff = role == "officer" ? system.System.Credentials.Officer : system.System.Credentials.Auditor;
        var page = await SignedInAsync(staff.Email, staff.Password);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/en/secretariat$"));
        await Expect(Navigation(page).GetByRole(AriaRole.Link, new() { Name = _t["Profile"] })).ToHaveCountAsync(0);
        await RefusedAsync(page, OrganizationPages.Concat(StatePages));
    }

    async Task<IPage> SignedInAsync(string email, string password)
    {
        var page = await _browser.OpenPortalAsync(system, "en");
        await SignInAsync(page, _t, email, password);
        return page;
    }

    ILocator Navigation(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = _t["Main"] });

    async Task RefusedAsync(IPage page, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response?.Status == 403, $"{path} answered {response?.Status}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(_t["Not allowed"]);
        }
    }
}
