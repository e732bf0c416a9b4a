using Accreditation.FunctionalTests.Portal.Infrastructure;
using Microsoft.Playwright;

namespace Accreditation.FunctionalTests.Portal;

/// <summary>What a person does in the portal's forms, found as a reader finds them: by their labels, in the page's language.</summary>
static class PortalSteps
{
    public const string Password = "Correct-Horse-42";

    public static async Task SignUpAsync(IPage page, PortalText t, string name, string email, string language)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = t["Create an account for your organization"], Exact = true }).First.ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = t["Create an account"] });
        await form.GetByLabel(t["Your name"]).FillAsync(name);
        await form.GetByLabel(t["E-mail"]).FillAsync(email);
        await form.GetByLabel(t["Password"]).FillAsync(Password);
        await form.GetByLabel(t["Language of notices"]).SelectOptionAsync(language);
        await form.GetByRole(AriaRole.Button, new() { Name = t["Create account"] }).ClickAsync();
    }

    /// <summary>From any page: the sign-in link, then the form.</summary>
    public static async Task SignInAsync(IPage page, PortalText t, string email, string password = Password)
    {
        if (!page.Url.Contains("/sign-in", StringComparison.Ordinal))
            await page.GotoAsync($"/{t.Culture}/sign-in");
        var form = page.GetByRole(AriaRole.Form, new() { Name = t["Sign in"] });
        await form.GetByLabel(t["E-mail"]).FillAsync(email);
        await form.GetByLabel(t["Password"]).FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = t["Sign in"] }).ClickAsync();
    }

    public static async Task SignOutAsync(IPage page, PortalText t) =>
        await page.GetByRole(AriaRole.Button, new() { Name = t["Sign out"] }).ClickAsync();
}
