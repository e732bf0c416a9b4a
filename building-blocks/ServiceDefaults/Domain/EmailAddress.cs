using System.Net.Mail;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.ServiceDefaults.Domain;

/// <summary>
/// A bare e-mail address that mail can reach: a local part, '@' and a dotted host ("a@localhost"
/// is no address a stranger's message can be delivered to), at most <see cref="MaxLength"/>
/// characters. Kept as typed (trimmed); compared without regard to case, as every service looks
/// addresses up.
/// </summary>
public readonly record struct EmailAddress
{
    // RFC 5321: a forward-path holds at most 256 octets including the angle brackets.
    public const int MaxLength = 254;

    readonly string? _value;

    EmailAddress(string value) => _value = value;

    /// <summary>The address as typed, trimmed.</summary>
    public string Value => _value ?? "";

    /// <summary>Lower-cased: the form to store where addresses are matched as keys.</summary>
    public string Normalized => Value.ToLowerInvariant();

    public static bool TryParse(string? value, out EmailAddress address)
    {
        address = Refusal(value, "email") is null ? new EmailAddress(value!.Trim()) : default;
        return address._value is not null;
    }

    /// <summary>The address a request names in <paramref name="field"/>, or INVALID_ARGUMENT on that field.</summary>
    public static EmailAddress Parse(string? value, string field = "email") =>
        Refusal(value, field) is { } refusal ? throw refusal : new EmailAddress(value!.Trim());

    /// <summary>Why <paramref name="value"/> is no address, on <paramref name="field"/>; null when it is one.</summary>
    static InvalidFieldException? Refusal(string? value, string field)
    {
        var email = value?.Trim();
        if (string.IsNullOrEmpty(email))
            return new InvalidFieldException(field, "is required", CommonReasons.FieldRequired);
        if (email.Length > MaxLength)
            return new InvalidFieldException(field, $"must be at most {MaxLength} characters", CommonReasons.EmailTooLong, ("max_length", MaxLength));
        // MailAddress also accepts "Name <a@b.org>"; only a bare address that round-trips is an address.
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email || address.DisplayName.Length > 0
            || !address.Host.Contains('.') || address.Host.StartsWith('.') || address.Host.EndsWith('.'))
            return new InvalidFieldException(field, "is not a valid e-mail address", CommonReasons.EmailInvalid);
        return null;
    }

    public bool Equals(EmailAddress other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    public override string ToString() => Value;
}
