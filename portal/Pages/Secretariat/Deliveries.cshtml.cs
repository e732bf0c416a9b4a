using Accreditation.Notifications.V1;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>E-mail deliveries (failed ones first of all): an officer puts a failed one back in the queue.</summary>
public sealed class DeliveriesModel(DeliveryService.DeliveryServiceClient deliveries) : SecretariatPageModel
{
    [BindProperty(SupportsGet = true, Name = "state")]
    public DeliveryState State { get; set; } = DeliveryState.Failed;

    public IReadOnlyList<Delivery> Deliveries { get; private set; } = [];

    public static IReadOnlyList<DeliveryState> States { get; } = [DeliveryState.Failed, DeliveryState.Pending, DeliveryState.Sent];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(() => LoadAsync(ct));

    public async Task<IActionResult> OnPostRetryAsync(string deliveryId, CancellationToken ct)
    {
        if (await TryAsync(async () => await deliveries.RetryDeliveryAsync(new RetryDeliveryRequest { DeliveryId = deliveryId }, cancellationToken: ct)))
            return Done(Text["The delivery is back in the queue."], "/Secretariat/Deliveries", new { state = State });
        return await ShowAsync(() => LoadAsync(ct));
    }

    async Task LoadAsync(CancellationToken ct) =>
        Deliveries = (await deliveries.ListDeliveriesAsync(new ListDeliveriesRequest { State = State, PageSize = 200 }, cancellationToken: ct)).Deliveries;

    public string StateName(DeliveryState state) => state switch
    {
        DeliveryState.Failed => Text["Failed"],
        DeliveryState.Pending => Text["Pending"],
        DeliveryState.Sent => Text["Sent"],
        _ => Text["Every state"],
    };
}
