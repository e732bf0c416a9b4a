namespace Accreditation.Notifications.Domain;

/// <summary>
/// A notice an event calls for, before rendering: its kind, its recipient, the application it is
/// about and the values of its template's placeholders. A flag placeholder (used by lines starting
/// with <c>?{Flag}</c>) is "true" when set and "" when not.
/// </summary>
public sealed record NoticeDraft(string Kind, string Recipient, Guid? ApplicationId, IReadOnlyDictionary<string, string> Values);
