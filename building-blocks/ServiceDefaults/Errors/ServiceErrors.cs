using System.Globalization;

namespace Accreditation.ServiceDefaults.Errors;

// Domain-agnostic failure kinds. Domain code throws them; the gRPC layer maps them to the standard
// rich status (google.rpc.Status): the code, the readable English message, and an ErrorInfo whose
// stable reason and metadata let a client (the portal) say the same thing in another language.

/// <summary>
/// A refusal: its readable English message, a stable reason (UPPER_SNAKE, one per refusal a person
/// can meet, listed in a catalog marked <see cref="ErrorReasonsAttribute"/>) and the values that
/// vary, as ErrorInfo metadata. A throw site that names no reason gets the kind's generic one.
/// </summary>
public abstract class ServiceException(string message, string reason, IEnumerable<(string Key, object? Value)> metadata) : Exception(message)
{
    public string Reason { get; } = reason;

    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata
        .Where(m => m.Value is not null)
        .ToDictionary(m => m.Key, m => Text(m.Value!), StringComparer.Ordinal);

    const string Instant = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    /// <summary>Metadata as a client reads it back: instants as ISO 8601 UTC, numbers invariant, enums by name.</summary>
    public static string Text(object value) => value switch
    {
        DateTimeOffset at => at.UtcDateTime.ToString(Instant, CultureInfo.InvariantCulture),
        DateTime at => at.ToUniversalTime().ToString(Instant, CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IEnumerable<string> values => string.Join(", ", values),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>The caller's input is malformed: INVALID_ARGUMENT with a BadRequest field violation.</summary>
public sealed class InvalidFieldException(string field, string description, string? reason = null, params (string Key, object? Value)[] metadata)
    : ServiceException($"{field}: {description}", reason ?? GenericReasons.FieldInvalid, metadata)
{
    public string Field { get; } = field;

    /// <summary>What is wrong with the value, in English ("is required").</summary>
    public string Description { get; } = description;
}

/// <summary>
/// The object is not in a state that allows the operation: FAILED_PRECONDITION with a
/// PreconditionFailure (its type the reason, its subject the object when named).
/// </summary>
public sealed class RuleViolationException(string message, string? reason = null, params (string Key, object? Value)[] metadata)
    : ServiceException(message, reason ?? GenericReasons.RuleViolated, metadata)
{
    /// <summary>The object whose state refuses, e.g. "applications/{id}"; empty when the message says it.</summary>
    public string Subject { get; init; } = "";
}

/// <summary>NOT_FOUND with a ResourceInfo; also used where the object's existence is confidential to the caller.</summary>
public sealed class NotFoundException(string what, object id, string? reason = null)
    : ServiceException($"{what} '{id}' was not found.", reason ?? GenericReasons.NotFound, [("resource_type", what), ("resource_name", id)])
{
    public string What { get; } = what;
    public string Id { get; } = id.ToString() ?? "";
}

/// <summary>A domain duplicate: ALREADY_EXISTS.</summary>
public sealed class AlreadyExistsException(string message, string? reason = null, params (string Key, object? Value)[] metadata)
    : ServiceException(message, reason ?? GenericReasons.AlreadyExists, metadata);

/// <summary>The caller may not do this: PERMISSION_DENIED (logged).</summary>
public sealed class AccessDeniedException(string message, string? reason = null, params (string Key, object? Value)[] metadata)
    : ServiceException(message, reason ?? GenericReasons.PermissionDenied, metadata);

/// <summary>A quota or budget is spent: RESOURCE_EXHAUSTED with a QuotaFailure naming the quota and its limit.</summary>
public sealed class QuotaExceededException(string quota, long limit, string message, string? reason = null, params (string Key, object? Value)[] metadata)
    : ServiceException(message, reason ?? GenericReasons.QuotaExceeded, [("quota", quota), ("limit", limit), .. metadata])
{
    public string Quota { get; } = quota;
    public long Limit { get; } = limit;
}
