using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Errors;
using V1 = Accreditation.Notifications.V1;

namespace Accreditation.Notifications.Api;

/// <summary>
/// Explicit pairs of Notifications' domain and v1 enums: a value added on one side fails here (and
/// in its test) rather than travelling as a wrong number.
/// </summary>
public static class ContractEnums
{
    public static V1.DeliveryState ToContract(this DeliveryState state) => state switch
    {
        DeliveryState.Pending => V1.DeliveryState.Pending,
        DeliveryState.Sent => V1.DeliveryState.Sent,
        DeliveryState.Failed => V1.DeliveryState.Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No v1 delivery state."),
    };

    /// <summary>A request's state filter: unset or unknown is INVALID_ARGUMENT on state.</summary>
    public static DeliveryState ToDomain(this V1.DeliveryState state) => state switch
    {
        V1.DeliveryState.Pending => DeliveryState.Pending,
        V1.DeliveryState.Sent => DeliveryState.Sent,
        V1.DeliveryState.Failed => DeliveryState.Failed,
        _ => throw new InvalidFieldException("state", "is not a delivery state", NotificationReasons.DeliveryStateInvalid),
    };
}
