using Accreditation.ServiceDefaults.Auth;
using Accreditation.Registration.V1;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>
/// The secretariat's pages: officers act, auditors read the same pages. Every POST from anyone but
/// an officer is refused here, before its handler runs, so no page can forget it (the services
/// refuse too; this keeps the refusal a 403 page instead of a form error). Refusals go through
/// Forbid(), so they are logged like the folder's own authorization refusals.
/// </summary>
public abstract class SecretariatPageModel : PortalPageModel
{
    public bool IsOfficer => User.IsInRole(Roles.Officer);

    protected IStringLocalizer Text => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SecretariatText>>();

    /// <summary>How the secretariat names a dialogue: its working group and session.</summary>
    public static string TitleOf(Registration.V1.Dialogue dialogue) => $"{dialogue.WorkingGroup}, {dialogue.Session}";

    /// <summary>A dialogue's calendar date (ISO in the API) as the person's language writes it.</summary>
    public static string DateOf(string isoDate) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date.ToString("D", System.Globalization.CultureInfo.CurrentCulture)
            : isoDate;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (HttpMethods.IsPost(context.HttpContext.Request.Method) && !IsOfficer)
            context.Result = Forbid();
    }

    /// <summary>Every entry of the screening queue that the filter selects, page after page.</summary>
    protected static async Task<IReadOnlyList<ScreeningQueueEntry>> WholeQueueAsync(SecretariatService.SecretariatServiceClient secretariat,
        ListScreeningQueueRequest request, CancellationToken ct)
    {
        var entries = new List<ScreeningQueueEntry>();
        request.PageSize = MaxPageSize;
        do
        {
            var page = await secretariat.ListScreeningQueueAsync(request, cancellationToken: ct);
            entries.AddRange(page.Entries);
            request.PageToken = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(request.PageToken));
        return entries;
    }

    /// <summary>The services' largest page.</summary>
    protected const int MaxPageSize = 200;

    /// <summary>
    /// A value the form cannot go without (the service would refuse it, but the page needs it to
    /// build the call): the message goes next to the field. Written here, not as a data annotation,
    /// so the text is the secretariat pages' own.
    /// </summary>
    protected bool Required(object? value, string key, string message)
    {
        if (value is null || value is string text && string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(key, Text[message]);
            return false;
        }
        return true;
    }

    /// <summary>
    /// A GET's reads: what the service refuses to show becomes the portal's 404 or 403 page; an
    /// identifier that is not one (INVALID_ARGUMENT) is a page that does not exist.
    /// </summary>
    protected async Task<IActionResult> ShowAsync(Func<Task> load)
    {
        try
        {
            await load();
            return Page();
        }
        catch (RpcException e) when (e.StatusCode == GrpcStatus.NotFound
            || e.StatusCode == GrpcStatus.InvalidArgument && ServiceError.From(e).Field?.EndsWith("_id", StringComparison.Ordinal) == true)
        {
            return NotFound();
        }
        catch (RpcException e) when (e.StatusCode == GrpcStatus.PermissionDenied)
        {
            return Forbid();
        }
    }
}
