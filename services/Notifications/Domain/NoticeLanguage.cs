namespace Accreditation.Notifications.Domain;

/// <summary>The language a recipient reads its notices in.</summary>
public static class NoticeLanguage
{
    /// <summary>English for every recipient until recipients can state a preference; the renderer already takes any language.</summary>
    public static string For(string recipient) => NoticeTemplates.DefaultLanguage;
}
