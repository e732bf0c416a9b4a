using System.Reflection;
using Accreditation.Portal.Errors;
using Accreditation.Portal.Localization;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal.Pages;

/// <summary>
/// What every page does the same way: its language, and a service's refusal shown next to the
/// field it names (INVALID_ARGUMENT's field violation) or above the form, in the person's language.
/// </summary>
public abstract class PortalPageModel : PageModel
{
    /// <summary>A line shown once after a redirect ("Saved."), from TempData.</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    public string Culture => RouteData.Values[PortalCultures.RouteKey] as string ?? PortalCultures.English;

    protected IStringLocalizer Shared => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>A service's refusal in the person's language (its reason worded, see <see cref="ServiceWords"/>).</summary>
    protected string Describe(ServiceError error) => HttpContext.RequestServices.GetRequiredService<ServiceWords>().Describe(error);

    /// <summary>
    /// Runs a service call; on refusal adds the service's reason to the form (next to its field
    /// when the service names one that the form has) and answers false.
    /// </summary>
    protected async Task<bool> TryAsync(Func<Task> call, string form = "Input")
    {
        try
        {
            await call();
            return true;
        }
        catch (RpcException e)
        {
            var error = ServiceError.From(e);
            var key = error.Field is { } field && FormHas(form, field) ? $"{form}.{ServiceError.PropertyName(field)}" : "";
            ModelState.AddModelError(key, Describe(error));
            return false;
        }
    }

    /// <summary>Like TryAsync for a call whose answer the page needs: the answer, or null after adding the refusal.</summary>
    protected async Task<T?> FetchAsync<T>(Func<Task<T>> call, string form = "Input") where T : class
    {
        T? result = null;
        return await TryAsync(async () => { result = await call(); }, form) ? result : null;
    }

    bool FormHas(string form, string field) =>
        GetType().GetProperty(form, BindingFlags.Public | BindingFlags.Instance)?.PropertyType
            .GetProperty(ServiceError.PropertyName(field), BindingFlags.Public | BindingFlags.Instance) is not null;

    /// <summary>After a successful post: a message for the next page, then that page (post/redirect/get).</summary>
    protected IActionResult Done(string message, string page, object? values = null)
    {
        StatusMessage = message;
        return RedirectToPage(page, values);
    }
}
