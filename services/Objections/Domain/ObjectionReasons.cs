using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Objections.Domain;

/// <summary>The ErrorInfo reasons Objections' refusals carry (domain accreditation.objections); the portal words each.</summary>
[ErrorReasons]
public static class ObjectionReasons
{
    public const string CirculatedApplicationNotFound = "CIRCULATED_APPLICATION_NOT_FOUND";
    public const string ObjectionNotFound = "OBJECTION_NOT_FOUND";
    public const string CirculationNotFound = "CIRCULATION_NOT_FOUND";
    /// <summary>Metadata state_code.</summary>
    public const string ObjectionAlreadyFiled = "OBJECTION_ALREADY_FILED";
    /// <summary>Metadata withdrawn_at.</summary>
    public const string ObjectionAlreadyWithdrawn = "OBJECTION_ALREADY_WITHDRAWN";
    /// <summary>Metadata deadline_at, now_at.</summary>
    public const string ObjectionPeriodClosed = "OBJECTION_PERIOD_CLOSED";
    /// <summary>Metadata withdrawn_at.</summary>
    public const string ApplicationWithdrawn = "APPLICATION_WITHDRAWN";
}
