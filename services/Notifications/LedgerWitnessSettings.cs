using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Notifications;

/// <summary>
/// What the ledger witness's settings (<see cref="LedgerWitnessOptions"/>, Services:Registration) give.
/// Services:Registration may list several replicas (',' or ';' between them), as the gateway's does:
/// the witness then spreads its calls over those that answer (<see cref="Replicas"/>).
/// </summary>
public sealed record LedgerWitnessSettings(bool Enabled, Uri? Log, IReadOnlyList<string> AuditorEmails, string Language)
{
    /// <summary>Every replica of the log; <see cref="Log"/> is the first.</summary>
    public IReadOnlyList<Uri> Replicas { get; init; } = Log is null ? [] : [Log];

    public static LedgerWitnessSettings From(IConfiguration configuration)
    {
        var options = configuration.ReadSettings<LedgerWitnessOptions>(LedgerWitnessOptions.Section);
        var replicas = ServicesOptions.Replicas(configuration.ReadSettings<ServicesOptions>(ServicesOptions.Section).Registration)
            .Select(address => new Uri(address)).ToList();
        var log = replicas.FirstOrDefault();
        var enabled = options.Enabled ?? log is not null;
        if (enabled && log is null)
            throw new InvalidOperationException($"{LedgerWitnessOptions.Section}:Enabled needs {ServicesOptions.Section}:Registration (the ledger's address).");
        var language = options.Language.Trim().ToLowerInvariant();
        return new LedgerWitnessSettings(enabled, log, options.AuditorEmailList, language.Length > 0 ? language : Domain.NoticeTemplates.DefaultLanguage)
        {
            Replicas = replicas,
        };
    }
}
