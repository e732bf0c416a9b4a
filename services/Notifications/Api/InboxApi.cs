using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Grpc.Core;
using V1 = Accreditation.Notifications.V1;

namespace Accreditation.Notifications.Api;

/// <summary>The caller's inbox over gRPC (and JSON): checks the request, asks <see cref="Inbox"/>, maps the answer.</summary>
public sealed class InboxApi(Inbox inbox) : V1.InboxService.InboxServiceBase
{
    public override async Task<V1.ListNoticesResponse> ListNotices(V1.ListNoticesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var (skip, take) = Require.Page(request.PageSize, request.PageToken);
        var audience = InboxAudience.For(caller);
        var page = await inbox.ListAsync(audience, request.UnreadOnly, skip, take, context.CancellationToken);
        return new V1.ListNoticesResponse
        {
            Notices = { page.Select(e => e.ToContract()) },
            NextPageToken = Require.NextPageToken(skip, take, page.Count),
        };
    }

    public override async Task<V1.GetUnreadCountResponse> GetUnreadCount(V1.GetUnreadCountRequest request, ServerCallContext context)
    {
        var audience = InboxAudience.For(context.GetCaller());
        return new V1.GetUnreadCountResponse { Unread = await inbox.UnreadCountAsync(audience, context.CancellationToken) };
    }

    public override async Task<V1.MarkNoticeReadResponse> MarkNoticeRead(V1.MarkNoticeReadRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        InboxAudience.RequireMayMarkRead(caller);
        var id = Require.Id(request.NoticeId, "notice_id");
        var audience = InboxAudience.For(caller);
        var entry = await inbox.MarkReadAsync(audience, id, context.CancellationToken);
        return new V1.MarkNoticeReadResponse { Notice = entry.ToContract() };
    }
}
