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
}
