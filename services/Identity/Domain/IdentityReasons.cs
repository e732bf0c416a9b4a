using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Identity.Domain;

/// <summary>The ErrorInfo reasons Identity's refusals carry (domain accreditation.identity); the portal words each.</summary>
[ErrorReasons]
public static class IdentityReasons
{
    /// <summary>Metadata failed_rules: Identity's codes (PasswordTooShort, PasswordRequiresDigit...).</summary>
    public const string PasswordTooWeak = "PASSWORD_TOO_WEAK";
    public const string EmailRejected = "EMAIL_REJECTED";
    /// <summary>Metadata email.</summary>
    public const string AccountExists = "ACCOUNT_EXISTS";
    public const string AccountNotFound = "ACCOUNT_NOT_FOUND";
    public const string ApiClientHasNoAccount = "API_CLIENT_HAS_NO_ACCOUNT";
    public const string ResetCodeInvalid = "RESET_CODE_INVALID";
    public const string ConfirmationCodeInvalid = "CONFIRMATION_CODE_INVALID";
    /// <summary>Metadata expired_at.</summary>
    public const string ConfirmationCodeExpired = "CONFIRMATION_CODE_EXPIRED";
    /// <summary>Metadata value.</summary>
    public const string StateCodeInvalid = "STATE_CODE_INVALID";
    /// <summary>Metadata state_code.</summary>
    public const string StateClientExists = "STATE_CLIENT_EXISTS";
    public const string StateClientNotFound = "STATE_CLIENT_NOT_FOUND";
    /// <summary>Metadata client_id.</summary>
    public const string ClientConfigured = "CLIENT_CONFIGURED";
    /// <summary>Metadata client_id, revoked_at.</summary>
    public const string ClientRevoked = "CLIENT_REVOKED";
}
