using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages;

/// <summary>Rendered in place of a page that is refused (403) or missing (404); the status stays the page's.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PortalPageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    IActionResult Show(int code)
    {
        (Title, Explanation) = code switch
        {
            403 => (Shared["Not allowed"].Value, Shared["This page is not for your role. The navigation shows the pages that are."].Value),
            404 => (Shared["Page not found"].Value, Shared["There is no such page, or it is not visible to you."].Value),
            _ => (Shared["Something went wrong"].Value, Shared["Please try again in a moment."].Value),
        };
        // Opened directly (/status/404) it answers like the page it stands for.
        if (HttpContext.Response.StatusCode == StatusCodes.Status200OK)
            HttpContext.Response.StatusCode = code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound;
        return Page();
    }
}
