using System.ComponentModel.DataAnnotations;
using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Registration;

/// <summary>The transparency log's settings (section Ledger); <see cref="LedgerSettings"/> is what they give.</summary>
public sealed class LedgerOptions : IValidatableObject
{
    public const string Section = "Ledger";

    /// <summary>The log's name in every signed head (and its key's): a C2SP key name, no spaces or '+'.</summary>
    public string Origin { get; set; } = "accreditation.untoc.example/ledger";

    /// <summary>The signing keys; unset: registration-ledger-keys in the data folder.</summary>
    public string? KeysDirectory { get; set; }

    /// <summary>A head is signed at start and after this many new entries...</summary>
    [Positive]
    public long TreeHeadEveryEntries { get; set; } = 1000;

    /// <summary>...and this long after the last one while entries are added...</summary>
    [Positive]
    public TimeSpan TreeHeadInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>...checked this often (wall time).</summary>
    [Positive]
    public TimeSpan TreeHeadPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A C2SP key name, and the note's first line.
        if (Origin.Trim().Length == 0 || Origin.Trim().Any(c => char.IsWhiteSpace(c) || c == '+' || char.IsControl(c)))
            yield return new("must have no spaces, '+' or control characters (it is the log's name in its signed heads).", [nameof(Origin)]);
    }
}
