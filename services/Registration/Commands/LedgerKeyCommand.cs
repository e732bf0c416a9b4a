using Accreditation.Registration.Api;
using Accreditation.Registration.Data.Ledger;

namespace Accreditation.Registration.Commands;

/// <summary>
/// The administrator's command for the ledger's signing keys (same configuration as the service,
/// e.g. --Data:Directory ./data):
///   ledger-key list     every key, its verifier key and whether it signs now
///   ledger-key rotate   adds a key that signs from the next head on; earlier keys stay published
/// Run it while the service is stopped, or restart the service after it.
/// </summary>
public static class LedgerKeyCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var options = args.SkipWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(options).Build();
        var settings = LedgerSettings.From(configuration);
        var keys = new LedgerKeyStore(settings.KeysDirectory, settings.Origin);
        switch (args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray())
        {
            case ["rotate"]:
                var rotated = keys.Rotate(DateTimeOffset.UtcNow);
                output.WriteLine($"New signing key {rotated.Verifier.KeyIdHex}: {rotated.Verifier}");
                break;
            case ["list"]:
                break;
            default:
                output.WriteLine("Usage: ledger-key list | ledger-key rotate  [--Data:Directory <dir>] [--Ledger:KeysDirectory <dir>] [--Ledger:Origin <name>]");
                return 2;
        }
        output.WriteLine(Google.Protobuf.JsonFormatter.Default.Format(LedgerApi.Keys(keys)));
        return 0;
    }
}
