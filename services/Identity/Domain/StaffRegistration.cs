using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Domain;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Identity.Domain;

/// <summary>
/// A secretariat staff account as configured (Identity:Staff:{i}): created with this password at
/// start if no account has the address, otherwise left as it is (its owner may have changed the
/// password since). A bad entry stops the service at start.
/// </summary>
public sealed record StaffRegistration(string Email, string Role, string Password, string DisplayName)
{
    public static readonly IReadOnlyList<string> StaffRoles = [Roles.Officer, Roles.Auditor];

    public static StaffRegistration Create(string where, string? email, string? role, string? password, string? displayName)
    {
        string address;
        try
        {
            address = EmailAddress.Parse(email).Value;
        }
        catch (InvalidFieldException e)
        {
            throw new InvalidOperationException($"{where}: Email {e.Description}.");
        }
        var staffRole = role?.Trim().ToLowerInvariant();
        if (staffRole is null || !StaffRoles.Contains(staffRole))
            throw new InvalidOperationException($"{where}: Role of '{address}' must be one of {string.Join(", ", StaffRoles)}.");
        if (string.IsNullOrEmpty(password))
            throw new InvalidOperationException($"{where}: Password of '{address}' is required.");
        return new StaffRegistration(address, staffRole, password, string.IsNullOrWhiteSpace(displayName) ? address : displayName.Trim());
    }

    public static IReadOnlyList<StaffRegistration> EnsureDistinct(IReadOnlyList<StaffRegistration> registrations)
    {
        var duplicate = registrations.GroupBy(r => r.Email, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? registrations
            : throw new InvalidOperationException($"Identity:Staff: '{duplicate.Key}' is configured more than once.");
    }

    // Records print every property; keep the password out of any accidental log line.
    public override string ToString() => $"StaffRegistration {{ Email = {Email}, Role = {Role} }}";
}
