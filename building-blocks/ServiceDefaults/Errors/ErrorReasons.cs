namespace Accreditation.ServiceDefaults.Errors;

/// <summary>
/// Marks a catalog of ErrorInfo reasons (its public string constants). Every reason in a catalog
/// has its French and Spanish text in the portal (a unit test checks); a catalog marked Generic
/// holds the fallbacks of throw sites that name no reason, which the portal shows in English.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ErrorReasonsAttribute : Attribute
{
    public bool Generic { get; init; }
}

/// <summary>The reason of a refusal whose throw site names none: a valid rich status, to be given its own reason.</summary>
[ErrorReasons(Generic = true)]
public static class GenericReasons
{
    public const string FieldInvalid = "FIELD_INVALID";
    public const string RuleViolated = "RULE_VIOLATED";
    public const string NotFound = "NOT_FOUND";
    public const string AlreadyExists = "ALREADY_EXISTS";
    public const string PermissionDenied = "PERMISSION_DENIED";
    public const string QuotaExceeded = "QUOTA_EXCEEDED";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Cancelled = "CANCELLED";
    public const string Unknown = "UNKNOWN";
}

/// <summary>Refusals the shared plumbing sends for every service.</summary>
[ErrorReasons]
public static class CommonReasons
{
    /// <summary>An empty value where one is needed.</summary>
    public const string FieldRequired = "FIELD_REQUIRED";
    /// <summary>Metadata max_length.</summary>
    public const string FieldTooLong = "FIELD_TOO_LONG";
    /// <summary>Metadata value.</summary>
    public const string IdInvalid = "ID_INVALID";
    /// <summary>Metadata min, max.</summary>
    public const string ValueOutOfRange = "VALUE_OUT_OF_RANGE";
    public const string ValueNegative = "VALUE_NEGATIVE";
    public const string ValueNotPositive = "VALUE_NOT_POSITIVE";
    public const string DateNotInFuture = "DATE_NOT_IN_FUTURE";
    public const string PageTokenInvalid = "PAGE_TOKEN_INVALID";
    /// <summary>Metadata allowed_values.</summary>
    public const string ValueNotAllowed = "VALUE_NOT_ALLOWED";
    /// <summary>Metadata allowed_values.</summary>
    public const string LanguageNotSupported = "LANGUAGE_NOT_SUPPORTED";
    public const string TimestampInvalid = "TIMESTAMP_INVALID";
    public const string DateInvalid = "DATE_INVALID";
    public const string EmailInvalid = "EMAIL_INVALID";
    /// <summary>Metadata max_length.</summary>
    public const string EmailTooLong = "EMAIL_TOO_LONG";
    /// <summary>Metadata value: not one of the assigned ISO 3166-1 alpha-3 codes.</summary>
    public const string CountryInvalid = "COUNTRY_INVALID";
    /// <summary>Metadata required_roles, role.</summary>
    public const string RoleNotAllowed = "ROLE_NOT_ALLOWED";
    public const string TokenNamesNoState = "TOKEN_NAMES_NO_STATE";
    /// <summary>Metadata limit, window: e-mails to one recipient.</summary>
    public const string EmailRecipientBudgetSpent = "EMAIL_RECIPIENT_BUDGET_SPENT";
    /// <summary>A unique index refused a row whose duplicate the domain does not name.</summary>
    public const string Duplicate = "DUPLICATE";
}
