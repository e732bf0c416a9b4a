namespace Accreditation.ServiceDefaults.Errors;

// Domain-agnostic failure kinds. Domain code throws them; the gRPC layer maps them to status codes.

/// <summary>The caller's input is malformed: INVALID_ARGUMENT naming the field.</summary>
public sealed class InvalidFieldException(string field, string reason)
    : Exception($"{field}: {reason}")
{
    public string Field { get; } = field;
    public string Reason { get; } = reason;
}

/// <summary>The object is not in a state that allows the operation: FAILED_PRECONDITION.</summary>
public sealed class RuleViolationException(string message) : Exception(message);

/// <summary>NOT_FOUND; also used where the object's existence is confidential to the caller.</summary>
public sealed class NotFoundException(string what, object id) : Exception($"{what} '{id}' was not found.");

/// <summary>A domain duplicate: ALREADY_EXISTS.</summary>
public sealed class AlreadyExistsException(string message) : Exception(message);

/// <summary>The caller may not do this: PERMISSION_DENIED (logged).</summary>
public sealed class AccessDeniedException(string message) : Exception(message);

/// <summary>A quota or budget is spent: RESOURCE_EXHAUSTED, the message naming the quota.</summary>
public sealed class QuotaExceededException(string quota, string message) : Exception(message)
{
    public string Quota { get; } = quota;
}
