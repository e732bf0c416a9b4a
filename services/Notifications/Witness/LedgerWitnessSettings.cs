using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Notifications.Witness;

/// <summary>What the ledger witness's settings (<see cref="LedgerWitnessOptions"/>, Services:Registration) give.</summary>
public sealed record LedgerWitnessSettings(bool Enabled, Uri? Log, IReadOnlyList<string> AuditorEmails, string Language)
{
    public static LedgerWitnessSettings From(IConfiguration configuration)
    {
        var options = configuration.ReadSettings<LedgerWitnessOptions>(LedgerWitnessOptions.Section);
        var address = configuration.ReadSettings<ServicesOptions>(ServicesOptions.Section).Registration;
        Uri? log = string.IsNullOrEmpty(address) ? null : new Uri(address);
        var enabled = options.Enabled ?? log is not null;
        if (enabled && log is null)
            throw new InvalidOperationException($"{LedgerWitnessOptions.Section}:Enabled needs {ServicesOptions.Section}:Registration (the ledger's address).");
        var language = options.Language.Trim().ToLowerInvariant();
        return new LedgerWitnessSettings(enabled, log, options.AuditorEmailList, language.Length > 0 ? language : Domain.NoticeTemplates.DefaultLanguage);
    }
}
