using MimeKit;

namespace Accreditation.Notifications.Domain;

/// <summary>
/// The secretariat's and the States parties' addresses and languages, from configuration
/// (organization users' come from their accounts):
/// <code>
/// Notifications:Recipients:secretariat:Email    = "accreditation@un.example; duty@un.example"
/// Notifications:Recipients:secretariat:Language = "en"
/// Notifications:Recipients:state:AUT:Email      = "mission@aut.example"
/// Notifications:Recipients:state:AUT:Language   = "fr"
/// Notifications:Recipients:states:Language      = "en"   (the shared inbox copy of notices to every State)
/// </code>
/// The key is the recipient string followed by :Email / :Language. Email may list several
/// addresses (',' or ';'); Language defaults to English. A notice to <c>states</c> is e-mailed
/// to every configured State, each in its own language.
/// </summary>
public sealed class ConfiguredRecipients
{
    public const string Section = "Notifications:Recipients";
    readonly Dictionary<string, (IReadOnlyList<string> Emails, string Language)> _entries;

    ConfiguredRecipients(Dictionary<string, (IReadOnlyList<string>, string)> entries) => _entries = entries;

    public static ConfiguredRecipients Empty { get; } = new([]);

    public static ConfiguredRecipients From(IConfiguration configuration)
    {
        var entries = new Dictionary<string, (IReadOnlyList<string>, string)>(StringComparer.Ordinal);
        foreach (var child in configuration.GetSection(Section).GetChildren())
        {
            if (child.Key == "state")
                foreach (var state in child.GetChildren())
                    entries[Recipients.State(state.Key)] = Read(state);
            else if (child.Key is Recipients.Secretariat or Recipients.States)
                entries[child.Key] = Read(child);
            else
                throw new InvalidOperationException($"{child.Path}: the recipient '{child.Key}' is none of secretariat, states, state:<ISO3>.");
        }
        return new(entries);
    }

    static (IReadOnlyList<string>, string) Read(IConfigurationSection entry)
    {
        var emails = (entry["Email"] ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var email in emails)
            if (!MailboxAddress.TryParse(email, out var parsed) || !parsed.Address.Contains('@'))
                throw new InvalidOperationException($"{entry.Path}:Email: '{email}' is not an e-mail address.");
        var language = entry["Language"]?.Trim().ToLowerInvariant();
        return (emails, string.IsNullOrEmpty(language) ? NoticeTemplates.DefaultLanguage : language);
    }

    /// <summary>The language of a configured recipient's inbox copy; English when not configured.</summary>
    public string LanguageOf(string recipient) =>
        _entries.TryGetValue(recipient, out var entry) ? entry.Language : NoticeTemplates.DefaultLanguage;

    /// <summary>Who receives a notice to a configured recipient by e-mail (none for an organization: see the member directory).</summary>
    public IReadOnlyList<Addressee> AddresseesOf(string recipient)
    {
        IEnumerable<KeyValuePair<string, (IReadOnlyList<string> Emails, string Language)>> entries = recipient == Recipients.States
            ? _entries.Where(e => Recipients.IsState(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal)
            : _entries.Where(e => e.Key == recipient);
        return entries.SelectMany(e => e.Value.Emails.Select(email => new Addressee(email, e.Value.Language)))
            .DistinctBy(a => a.Email.ToLowerInvariant())
            .ToList();
    }
}
