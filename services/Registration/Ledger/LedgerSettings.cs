namespace Accreditation.Registration.Ledger;

/// <summary>
/// The transparency log's settings (section Ledger), read and checked once at start:
/// Ledger:Origin names the log in every signed head (and its key); Ledger:KeysDirectory holds the
/// signing keys; a head is signed at start, after Ledger:TreeHeadEveryEntries new entries, and
/// Ledger:TreeHeadInterval after the last one while entries are added (checked every Ledger:TreeHeadPollInterval).
/// </summary>
public sealed record LedgerSettings(string Origin, string KeysDirectory, long TreeHeadEveryEntries, TimeSpan TreeHeadInterval, TimeSpan TreeHeadPollInterval)
{
    public const string DefaultOrigin = "accreditation.untoc.example/ledger";

    public static LedgerSettings From(IConfiguration configuration)
    {
        var origin = configuration["Ledger:Origin"] is { Length: > 0 } configured ? configured.Trim() : DefaultOrigin;
        // A C2SP key name: no spaces, no '+', and the note's first line.
        if (origin.Any(c => char.IsWhiteSpace(c) || c == '+' || char.IsControl(c)))
            throw new InvalidOperationException("Ledger:Origin must have no spaces, '+' or control characters (it is the log's name in its signed heads).");
        var keys = configuration["Ledger:KeysDirectory"] is { Length: > 0 } directory
            ? directory
            : Path.Combine(configuration["Data:Directory"] ?? "data", "registration-ledger-keys");
        var every = configuration.GetValue("Ledger:TreeHeadEveryEntries", 1000L);
        var interval = configuration.GetValue("Ledger:TreeHeadInterval", TimeSpan.FromMinutes(5));
        var poll = configuration.GetValue("Ledger:TreeHeadPollInterval", TimeSpan.FromSeconds(10));
        if (every < 1)
            throw new InvalidOperationException("Ledger:TreeHeadEveryEntries must be at least 1.");
        if (interval <= TimeSpan.Zero || poll <= TimeSpan.Zero)
            throw new InvalidOperationException("Ledger:TreeHeadInterval and Ledger:TreeHeadPollInterval must be positive.");
        return new LedgerSettings(origin, Path.GetFullPath(keys), every, interval, poll);
    }
}
