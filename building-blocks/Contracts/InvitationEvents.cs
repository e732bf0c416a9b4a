namespace Accreditation.Contracts;

/// <summary>
/// A member of an organization invited a colleague by e-mail (Registration): Notifications
/// e-mails the code, in the language the inviter chose (en, fr, es). The code is valid until
/// ExpiresAt and only for an account with this e-mail address.
/// </summary>
public sealed record MemberInvited(
    Guid InvitationId, Guid OrganizationId, string OrganizationName, string Email, string Language, string Code, DateTimeOffset ExpiresAt, DateTimeOffset At);
