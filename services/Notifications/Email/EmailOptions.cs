using System.ComponentModel.DataAnnotations;

namespace Accreditation.Notifications.Email;

/// <summary>The e-mails themselves (section Notifications:Email).</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Notifications:Email";

    /// <summary>The sender every e-mail names.</summary>
    public string From { get; set; } = "Accreditation <no-reply@accreditation.invalid>";

    /// <summary>Distributed topology: the Dapr bindings.smtp component's name, which replaces SMTP.</summary>
    public string? DaprBinding { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MimeKit.MailboxAddress.TryParse(From, out _))
            yield return new($"'{From}' is not an address.", [nameof(From)]);
    }
}
