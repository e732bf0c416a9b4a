using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Hosting;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using V1 = Accreditation.Notifications.V1;

namespace Accreditation.Notifications.Api;

/// <summary>The secretariat's view of e-mail deliveries: officers and auditors list them, officers retry a failed one.</summary>
public sealed class DeliveriesApi(NotificationsDb db, WallClock wall, ILogger<DeliveriesApi> logger) : V1.DeliveryService.DeliveryServiceBase
{
    public override async Task<V1.ListDeliveriesResponse> ListDeliveries(V1.ListDeliveriesRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Roles.Officer, Roles.Auditor);
        var (skip, take) = Require.Page(request.PageSize, request.PageToken);
        var query = db.Deliveries.AsNoTracking();
        if (request.State != V1.DeliveryState.Unspecified)
        {
            var state = request.State.ToDomain();
            query = query.Where(d => d.State == state);
        }
        var page = await query.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id).Skip(skip).Take(take).ToListAsync(context.CancellationToken);
        return new V1.ListDeliveriesResponse
        {
            Deliveries = { page.Select(d => d.ToContract()) },
            NextPageToken = Require.NextPageToken(skip, take, page.Count),
        };
    }

    public override async Task<V1.RetryDeliveryResponse> RetryDelivery(V1.RetryDeliveryRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Officer);
        var id = Require.Id(request.DeliveryId, "delivery_id");
        var delivery = await db.RetryOnBusyAsync(async ct =>
        {
            var found = await db.Deliveries.SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Delivery", id, NotificationReasons.DeliveryNotFound);
            // The sender's backoff runs on wall time, so the retry is due by wall time too.
            found.Retry(wall.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return found;
        }, context.CancellationToken);
        logger.LogInformation("Delivery {DeliveryId} put back in the queue by {Subject}", id, caller.Subject);
        return new V1.RetryDeliveryResponse { Delivery = delivery.ToContract() };
    }
}
