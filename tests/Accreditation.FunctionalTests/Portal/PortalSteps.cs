using Microsoft.Playwright;

namespace Accreditation.FunctionalTests.Portal;

/// <summary>What a person does in the portal's forms, found as a reader finds them: by their labels.</summary>
static class PortalSteps
{
    public const string Password = "Correct-Horse-42";

    public static async Task SignUpAsync(IPage page, string name, string email, string language = "en")
    {
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Create an account" });
        await form.GetByLabel("Your name").FillAsync(name);
        await form.GetByLabel("E-mail").FillAsync(email);
        await form.GetByLabel("Password").FillAsync(Password);
        await form.GetByLabel("Language of notices").SelectOptionAsync(language);
        await form.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
    }

    public static async Task SignInAsync(IPage page, string email, string password = Password)
    {
        var form = page.GetByRole(AriaRole.Form, new() { Name = "I have an account" });
        await form.GetByLabel("E-mail").FillAsync(email);
        await form.GetByLabel("Password").FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
