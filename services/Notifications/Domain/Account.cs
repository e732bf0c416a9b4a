namespace Accreditation.Notifications.Domain;

/// <summary>An organization user's address and language, as Identity announced them (AccountRegistered, AccountLanguageChanged).</summary>
public sealed class Account(string subject, string email, string displayName, string language, DateTimeOffset registeredAt)
{
    public string Subject { get; private set; } = subject;
    public string Email { get; private set; } = email;
    public string DisplayName { get; private set; } = displayName;
    public string Language { get; private set; } = language;
    public DateTimeOffset RegisteredAt { get; private set; } = registeredAt;

    /// <summary>Notices written from now on use <paramref name="language"/>; one the templates lack falls back to the default.</summary>
    public void ChangeLanguage(string language) =>
        Language = NoticeTemplates.Languages.Contains(language) ? language : NoticeTemplates.DefaultLanguage;
}

/// <summary>Where one copy of a notice goes by e-mail, and in which language it is written.</summary>
public sealed record Addressee(string Email, string Language);
