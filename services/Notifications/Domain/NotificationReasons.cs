using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Notifications.Domain;

/// <summary>The ErrorInfo reasons Notifications' refusals carry (domain accreditation.notifications); the portal words each.</summary>
[ErrorReasons]
public static class NotificationReasons
{
    public const string DeliveryNotFound = "DELIVERY_NOT_FOUND";
    public const string NoticeNotFound = "NOTICE_NOT_FOUND";
    /// <summary>Metadata delivery_state (Pending, Sent).</summary>
    public const string DeliveryNotFailed = "DELIVERY_NOT_FAILED";
    public const string DeliveryStateInvalid = "DELIVERY_STATE_INVALID";
    /// <summary>Metadata role.</summary>
    public const string RoleHasNoInbox = "ROLE_HAS_NO_INBOX";
    public const string AuditorReadsOnly = "AUDITOR_READS_ONLY";
}
