namespace Accreditation.Notifications.Domain;

/// <summary>
/// Who a notice is for, as a string: <c>organization:&lt;id&gt;</c>, <c>state:&lt;ISO3&gt;</c>,
/// <c>states</c> (every State party) or <c>secretariat</c>.
/// </summary>
public static class Recipients
{
    public const string States = "states";
    public const string Secretariat = "secretariat";
    public const string OrganizationPrefix = "organization:";
    public const string StatePrefix = "state:";

    public static string Organization(Guid organizationId) => OrganizationPrefix + organizationId.ToString("D");

    public static string State(string stateCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateCode);
        return StatePrefix + stateCode.Trim().ToUpperInvariant();
    }

    public static bool IsOrganization(string recipient) => recipient.StartsWith(OrganizationPrefix, StringComparison.Ordinal);

    /// <summary>The organization a notice is to, or null for a State, every State party or the secretariat.</summary>
    public static Guid? OrganizationOf(string recipient) =>
        IsOrganization(recipient) && Guid.TryParse(recipient.AsSpan(OrganizationPrefix.Length), out var id) ? id : null;

    public static bool IsState(string recipient) => recipient.StartsWith(StatePrefix, StringComparison.Ordinal);
}
