using Accreditation.Notifications.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.ViewComponents;

/// <summary>The number of unread notices beside the inbox link; nothing when the inbox cannot be reached.</summary>
public sealed class UnreadCountViewComponent(InboxService.InboxServiceClient inbox) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        try
        {
            var unread = await inbox.GetUnreadCountAsync(new GetUnreadCountRequest(), cancellationToken: HttpContext.RequestAborted);
            return View(unread.Unread);
        }
        catch (RpcException)
        {
            return Content("");
        }
    }
}
