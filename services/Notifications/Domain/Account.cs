namespace Accreditation.Notifications.Domain;

/// <summary>An organization user's address and language, as Identity announced them (AccountRegistered).</summary>
public sealed class Account(string subject, string email, string displayName, string language, DateTimeOffset registeredAt)
{
    public string Subject { get; private set; } = subject;
    public string Email { get; private set; } = email;
    public string DisplayName { get; private set; } = displayName;
    public string Language { get; private set; } = language;
    public DateTimeOffset RegisteredAt { get; private set; } = registeredAt;
}

/// <summary>Where one copy of a notice goes by e-mail, and in which language it is written.</summary>
public sealed record Addressee(string Email, string Language);
