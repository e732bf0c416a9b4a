namespace Accreditation.Notifications.Witness;

/// <summary>
/// The ledger witness (section Notifications:LedgerWitness): Enabled (default true when
/// Services:Registration, the log's address, is configured); AuditorEmails, the addresses every
/// accepted head is e-mailed to (',' or ';' between them; none by default); Language of those e-mails.
/// </summary>
public sealed record LedgerWitnessSettings(bool Enabled, Uri? Log, IReadOnlyList<string> AuditorEmails, string Language)
{
    public static LedgerWitnessSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Notifications:LedgerWitness");
        var address = configuration["Services:Registration"];
        Uri? log = null;
        if (!string.IsNullOrEmpty(address) && (!Uri.TryCreate(address, UriKind.Absolute, out log) || log.Scheme is not ("http" or "https")))
            throw new InvalidOperationException($"Services:Registration must be an absolute http(s) address for the ledger witness; it is '{address}'.");
        var enabled = section.GetValue("Enabled", log is not null);
        if (enabled && log is null)
            throw new InvalidOperationException("Notifications:LedgerWitness:Enabled needs Services:Registration (the ledger's address).");
        var emails = (section["AuditorEmails"] ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var email in emails)
            if (!MimeKit.MailboxAddress.TryParse(email, out var parsed) || !parsed.Address.Contains('@'))
                throw new InvalidOperationException($"Notifications:LedgerWitness:AuditorEmails: '{email}' is not an e-mail address.");
        var language = section["Language"] is { Length: > 0 } configured ? configured.Trim().ToLowerInvariant() : Domain.NoticeTemplates.DefaultLanguage;
        return new LedgerWitnessSettings(enabled, log, emails, language);
    }
}
