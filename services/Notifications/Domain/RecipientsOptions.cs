using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace Accreditation.Notifications.Domain;

/// <summary>
/// The secretariat's and the States parties' addresses and languages (section Notifications:Recipients;
/// organization users' come from their accounts):
/// <code>
/// Notifications:Recipients:secretariat:Email    = "accreditation@un.example; duty@un.example"
/// Notifications:Recipients:secretariat:Language = "en"
/// Notifications:Recipients:state:AUT:Email      = "mission@aut.example"
/// Notifications:Recipients:state:AUT:Language   = "fr"
/// Notifications:Recipients:states:Language      = "en"   (the shared inbox copy of notices to every State)
/// </code>
/// Any other key is refused (a misspelt recipient would silently get nothing).
/// </summary>
public sealed class RecipientsOptions : IValidatableObject
{
    public const string Section = "Notifications:Recipients";

    public RecipientOptions? Secretariat { get; set; }

    public RecipientOptions? States { get; set; }

    /// <summary>Each State party by its ISO 3166-1 alpha-3 code.</summary>
    public Dictionary<string, RecipientOptions> State { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var entries = new[] { (Recipients.Secretariat, Secretariat), (Recipients.States, States) }
            .Concat(State.Select(s => ($"state:{s.Key}", (RecipientOptions?)s.Value)));
        foreach (var (key, entry) in entries)
            foreach (var email in entry?.Emails ?? [])
                if (!MailboxAddress.TryParse(email, out var parsed) || !parsed.Address.Contains('@'))
                    yield return new($"'{email}' is not an e-mail address.", [$"{key}:Email"]);
    }
}

/// <summary>A configured recipient: Email may list several addresses (',' or ';'); Language defaults to English.</summary>
public sealed class RecipientOptions
{
    public string? Email { get; set; }

    public string? Language { get; set; }

    public IReadOnlyList<string> Emails => (Email ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
