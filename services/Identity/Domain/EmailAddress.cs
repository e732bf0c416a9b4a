using System.Net.Mail;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Identity.Domain;

/// <summary>
/// The sign-in name of an organization user. Identity's own e-mail check only looks for an '@',
/// so the address is checked here, where the field can be named in the error.
/// </summary>
public static class EmailAddress
{
    // RFC 5321: a forward-path holds at most 256 octets including the angle brackets.
    public const int MaxLength = 254;

    public static string Parse(string? value)
    {
        var email = value?.Trim();
        if (string.IsNullOrEmpty(email))
            throw new InvalidFieldException("email", "is required", CommonReasons.FieldRequired);
        if (email.Length > MaxLength)
            throw new InvalidFieldException("email", $"must be at most {MaxLength} characters", IdentityReasons.EmailTooLong, ("max_length", MaxLength));
        // MailAddress also accepts "Name <a@b.org>"; only a bare address that round-trips is an address.
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email || address.DisplayName.Length > 0
            || !address.Host.Contains('.') || address.Host.StartsWith('.') || address.Host.EndsWith('.'))
            throw new InvalidFieldException("email", "is not a valid e-mail address", CommonReasons.EmailInvalid);
        return email;
    }
}
