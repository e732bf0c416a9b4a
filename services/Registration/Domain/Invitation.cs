using System.Security.Cryptography;
using System.Text;
using Accreditation.ServiceDefaults.Domain;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain;

public enum InvitationState { Pending = 1, Accepted, Expired, Cancelled }

/// <summary>
/// A member's invitation of a colleague to its organization: a random code e-mailed to the
/// colleague (only its hash is kept), valid for <see cref="Lifetime"/>, once, and only for an
/// account signed in with the invited address.
/// </summary>
public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "es"];

    Invitation() { }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    /// <summary>Lower-cased: addresses are compared without regard to case.</summary>
    public string Email { get; private set; } = "";
    public string CodeHash { get; private set; } = "";
    public string InvitedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public string? AcceptedBy { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public string? CancelledBy { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>Where the invitation stands at <paramref name="now"/> (expiry is judged by the server's clock).</summary>
    public InvitationState StateAt(DateTimeOffset now) =>
        AcceptedAt is not null ? InvitationState.Accepted
        : CancelledAt is not null ? InvitationState.Cancelled
        : now > ExpiresAt ? InvitationState.Expired
        : InvitationState.Pending;

    /// <summary>Creates the invitation; returns it with the code to e-mail (never stored).</summary>
    public static (Invitation Invitation, string Code) Create(Guid organizationId, string? email, string invitedBy, DateTimeOffset now)
    {
        var address = EmailAddress.Parse(email);
        var code = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            Email = address.Normalized,
            CodeHash = Hash(code),
            InvitedBy = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        return (invitation, code);
    }

    public static string Language(string? requested)
    {
        var language = string.IsNullOrWhiteSpace(requested) ? "en" : requested.Trim().ToLowerInvariant();
        return Languages.Contains(language) ? language : throw new InvalidFieldException("language", $"must be one of {string.Join(", ", Languages)}",
            CommonReasons.LanguageNotSupported, ("allowed_values", Languages));
    }

    public static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim())));

    /// <summary>The signed-in colleague takes the invitation: its address must be the invited one, the code unused and unexpired.</summary>
    public void Accept(string subject, string? callerEmail, DateTimeOffset now)
    {
        if (!string.Equals(callerEmail?.Trim(), Email, StringComparison.OrdinalIgnoreCase))
            throw new AccessDeniedException("This invitation was sent to another e-mail address than the caller's.", RegistrationReasons.InvitationForAnotherAddress);
        if (AcceptedAt is { } accepted)
            throw new RuleViolationException($"The invitation was already accepted at {accepted:O}.",
                RegistrationReasons.InvitationAlreadyAccepted, ("accepted_at", accepted)) { Subject = $"invitations/{Id}" };
        if (CancelledAt is { } cancelled)
            throw new RuleViolationException($"The invitation is Cancelled (at {cancelled:O}); ask a member for a new one.",
                RegistrationReasons.InvitationCancelled, ("cancelled_at", cancelled)) { Subject = $"invitations/{Id}" };
        if (now > ExpiresAt)
            throw new RuleViolationException($"The invitation expired at {ExpiresAt:O}; ask a member for a new one.",
                RegistrationReasons.InvitationExpired, ("expired_at", ExpiresAt)) { Subject = $"invitations/{Id}" };
        AcceptedBy = subject;
        AcceptedAt = now;
    }

    /// <summary>A member withdraws a pending invitation: its code can no longer be accepted.</summary>
    public void Cancel(string subject, DateTimeOffset now)
    {
        var state = StateAt(now);
        if (state != InvitationState.Pending)
            throw new RuleViolationException($"The invitation is {state}; only a Pending invitation can be cancelled.",
                RegistrationReasons.InvitationNotPending, ("invitation_state", state)) { Subject = $"invitations/{Id}" };
        CancelledBy = subject;
        CancelledAt = now;
    }
}
