using System.ComponentModel.DataAnnotations;

namespace Accreditation.Notifications;

/// <summary>The ledger witness (section Notifications:LedgerWitness): checks and countersigns Registration's signed heads.</summary>
public sealed class LedgerWitnessOptions : IValidatableObject
{
    public const string Section = "Notifications:LedgerWitness";

    /// <summary>On when unset and Services:Registration (the log's address) is configured.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Where every accepted head is e-mailed (',' or ';' between addresses; none by default).</summary>
    public string? AuditorEmails { get; set; }

    /// <summary>The language of those e-mails.</summary>
    public string Language { get; set; } = Domain.NoticeTemplates.DefaultLanguage;

    public IReadOnlyList<string> AuditorEmailList =>
        (AuditorEmails ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        AuditorEmailList.Where(email => !MimeKit.MailboxAddress.TryParse(email, out var parsed) || !parsed.Address.Contains('@'))
            .Select(email => new ValidationResult($"'{email}' is not an e-mail address.", [nameof(AuditorEmails)]));
}
