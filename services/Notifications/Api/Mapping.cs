using Accreditation.Notifications.Data;
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
}
