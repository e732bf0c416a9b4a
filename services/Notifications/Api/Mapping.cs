using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Google.Protobuf.WellKnownTypes;
using V1 = Accreditation.Notifications.V1;

namespace Accreditation.Notifications.Api;

static class Mapping
{
    public static V1.Notice ToContract(this InboxEntry e) => new()
    {
        NoticeId = e.Notice.Id.ToString(),
        Kind = e.Notice.Kind,
        Recipient = e.Notice.Recipient,
        Language = e.Notice.Language,
        Subject = e.Notice.Subject,
        Body = e.Notice.Body,
        ApplicationId = e.Notice.ApplicationId?.ToString() ?? "",
        CreatedAt = Timestamp.FromDateTimeOffset(e.Notice.CreatedAt),
        Read = e.Read,
    };

    public static V1.Delivery ToContract(this Delivery d) => new()
    {
        DeliveryId = d.Id.ToString(),
        NoticeId = d.NoticeId.ToString(),
        Kind = d.Kind,
        Recipient = d.Recipient,
        Address = d.Address,
        Language = d.Language,
        State = d.State.ToContract(),
        Attempts = d.Attempts,
        LastError = d.LastError ?? "",
        NextAttemptAt = d.State == DeliveryState.Pending ? Timestamp.FromDateTimeOffset(d.NextAttemptAt) : null,
        CreatedAt = Timestamp.FromDateTimeOffset(d.CreatedAt),
        SentAt = d.SentAt is { } sent ? Timestamp.FromDateTimeOffset(sent) : null,
        MessageId = d.MessageId,
        Subject = d.Subject,
    };

    public static V1.DeliveryState ToContract(this DeliveryState state) => state switch
    {
        DeliveryState.Pending => V1.DeliveryState.Pending,
        DeliveryState.Sent => V1.DeliveryState.Sent,
        DeliveryState.Failed => V1.DeliveryState.Failed,
        _ => V1.DeliveryState.Unspecified,
    };

    public static DeliveryState ToDomain(this V1.DeliveryState state) => state switch
    {
        V1.DeliveryState.Pending => DeliveryState.Pending,
        V1.DeliveryState.Sent => DeliveryState.Sent,
        V1.DeliveryState.Failed => DeliveryState.Failed,
        _ => throw new Accreditation.ServiceDefaults.Errors.InvalidFieldException("state", "is not a delivery state", NotificationReasons.DeliveryStateInvalid),
    };
}
