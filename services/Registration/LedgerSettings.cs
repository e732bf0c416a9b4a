using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Registration;

/// <summary>What the transparency log's settings (<see cref="LedgerOptions"/>) give, read and checked once at start.</summary>
public sealed record LedgerSettings(string Origin, string KeysDirectory, long TreeHeadEveryEntries, TimeSpan TreeHeadInterval, TimeSpan TreeHeadPollInterval)
{
    public static LedgerSettings From(IConfiguration configuration)
    {
        var options = configuration.ReadSettings<LedgerOptions>(LedgerOptions.Section);
        return new LedgerSettings(options.Origin.Trim(), DataFolder.OrInData(configuration, options.KeysDirectory, "registration-ledger-keys"),
            options.TreeHeadEveryEntries, options.TreeHeadInterval, options.TreeHeadPollInterval);
    }
}
