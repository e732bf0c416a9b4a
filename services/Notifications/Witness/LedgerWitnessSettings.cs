namespace Accreditation.Notifications.Witness;

/// <summary>
/// The ledger witness (section Notifications:LedgerWitness): Enabled (default true when
/// Services:Registration, the log's address, is configured); AuditorEmails, the addresses every
/// accepted head is e-mailed to (',' or ';' between them; none by default); Language of those e-mails.
/// Services:Registration may list several replicas (',' or ';' between them), as the gateway's does:
/// the witness then spreads its calls over those that answer (<see cref="Replicas"/>).
/// </summary>
public sealed record LedgerWitnessSettings(bool Enabled, Uri? Log, IReadOnlyList<string> AuditorEmails, string Language)
{
    /// <summary>Every replica of the log; <see cref="Log"/> is the first.</summary>
    public IReadOnlyList<Uri> Replicas { get; init; } = Log is null ? [] : [Log];

    public static LedgerWitnessSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Notifications:LedgerWitness");
        var replicas = new List<Uri>();
        foreach (var address in (configuration["Services:Registration"] ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            replicas.Add(Uri.TryCreate(address, UriKind.Absolute, out var replica) && replica.Scheme is "http" or "https" ? replica
                : throw new InvalidOperationException($"Services:Registration must be an absolute http(s) address for the ledger witness; it is '{address}'."));
        var log = replicas.FirstOrDefault();
        var enabled = section.GetValue("Enabled", log is not null);
        if (enabled && log is null)
            throw new InvalidOperationException("Notifications:LedgerWitness:Enabled needs Services:Registration (the ledger's address).");
        var emails = (section["AuditorEmails"] ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var email in emails)
            if (!MimeKit.MailboxAddress.TryParse(email, out var parsed) || !parsed.Address.Contains('@'))
                throw new InvalidOperationException($"Notifications:LedgerWitness:AuditorEmails: '{email}' is not an e-mail address.");
        var language = section["Language"] is { Length: > 0 } configured ? configured.Trim().ToLowerInvariant() : Domain.NoticeTemplates.DefaultLanguage;
        return new LedgerWitnessSettings(enabled, log, emails, language) { Replicas = replicas };
    }
}
