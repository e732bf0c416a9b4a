namespace Accreditation.Portal;

/// <summary>Authorization policies beyond one role each (those are named after the role).</summary>
public static class PortalPolicies
{
    /// <summary>Officers and auditors: auditors read every secretariat page, officers also act on them.</summary>
    public const string Secretariat = "secretariat";
}
