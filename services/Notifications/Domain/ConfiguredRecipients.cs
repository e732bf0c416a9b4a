using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Notifications.Domain;

/// <summary>
/// The secretariat's and the States parties' addresses and languages as their settings
/// (<see cref="RecipientsOptions"/>) give them. A notice to <c>states</c> is e-mailed to every
/// configured State, each in its own language.
/// </summary>
public sealed class ConfiguredRecipients
{
    readonly Dictionary<string, (IReadOnlyList<string> Emails, string Language)> _entries;

    ConfiguredRecipients(Dictionary<string, (IReadOnlyList<string>, string)> entries) => _entries = entries;

    public static ConfiguredRecipients Empty { get; } = new([]);

    public static ConfiguredRecipients From(IConfiguration configuration)
    {
        var options = configuration.ReadSettings<RecipientsOptions>(RecipientsOptions.Section, refuseUnknownKeys: true);
        var entries = new Dictionary<string, (IReadOnlyList<string>, string)>(StringComparer.Ordinal);
        if (options.Secretariat is { } secretariat)
            entries[Recipients.Secretariat] = Read(secretariat);
        if (options.States is { } states)
            entries[Recipients.States] = Read(states);
        foreach (var (state, entry) in options.State)
            entries[Recipients.State(state)] = Read(entry);
        return new(entries);
    }

    static (IReadOnlyList<string>, string) Read(RecipientOptions entry)
    {
        var language = entry.Language?.Trim().ToLowerInvariant();
        return (entry.Emails, string.IsNullOrEmpty(language) ? NoticeTemplates.DefaultLanguage : language);
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
