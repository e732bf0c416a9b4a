using System.Globalization;
using System.Text.RegularExpressions;
using Accreditation.Portal.Localization;
using Accreditation.Registration.V1;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal.Errors;

/// <summary>The portal's wordings of the services' refusal reasons: Resources/Errors/ErrorText.{en,fr,es}.resx.</summary>
public sealed class ErrorText;

/// <summary>The portal's wordings of the history reasons the services write: Resources/Errors/HistoryText.{en,fr,es}.resx.</summary>
public sealed class HistoryText;

/// <summary>
/// Says what a service said in the person's language, from the stable code it sent (a refusal's
/// ErrorInfo reason, a history entry's reason_code) with the metadata put in the wording's
/// {placeholders}: instants and days in the culture's format, states by their names, a person's
/// words (keys ending in _text) as written, other values
/// worded beside the codes ("representative_status=Withdrawn", "fields=country"). A code without a
/// wording (a generic reason, or a new one) shows the service's English text, and in French or
/// Spanish the lookup is logged as untranslated, which the browser tests fail on.
/// </summary>
public sealed partial class ServiceWords(IStringLocalizer<SharedResource> shared, IStringLocalizer<ErrorText> errors,
    IStringLocalizer<HistoryText> history, EnumNames names)
{
    /// <summary>The kind of refusal, then its reason in the person's language.</summary>
    public string Describe(ServiceError error) => error.Describe(shared, Word(errors, error.Reason, error.Metadata));

    /// <summary>A history entry's reason: the service's, worded; a person's, as written.</summary>
    public string Reason(StatusChange change) =>
        Word(history, change.ReasonCode, change.ReasonMetadata) ?? change.Reason;

    /// <summary>A ledger entry's reason: worded from its code when it has one; else as recorded (older entries, a person's words).</summary>
    public string Reason(LedgerEntry entry) =>
        Word(history, entry.ReasonCode, entry.ReasonMetadata) ?? entry.Reason;

    string? Word(IStringLocalizer texts, string code, IReadOnlyDictionary<string, string> metadata)
    {
        if (code.Length == 0)
            return null;
        var wording = texts[code];
        return wording.ResourceNotFound ? null : Placeholder().Replace(wording.Value, m => Value(texts, m.Groups[1].Value, metadata));
    }

    string Value(IStringLocalizer texts, string key, IReadOnlyDictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue(key, out var value))
            return "";
        // What a person wrote (a referral's deciding body, its document symbol) stands as written.
        if (key.EndsWith("_text", StringComparison.Ordinal))
            return value;
        if (key.EndsWith("_at", StringComparison.Ordinal)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return Display.DateTime(at);
        if (key.EndsWith("_on", StringComparison.Ordinal)
            && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return Display.Date(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        if (key is "state" or "to_state" && Enum.TryParse<ApplicationState>(value, out var state) && Enum.IsDefined(state))
            return names.Of(state);
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && !key.EndsWith("_id", StringComparison.Ordinal))
            return number.ToString("N0", CultureInfo.CurrentCulture);
        // Other values (one, or a list "a, b") have their wording beside the codes, e.g. "fields=country".
        return string.Join(", ", value.Split(", ").Select(part => texts[$"{key}={part}"] is { ResourceNotFound: false } named ? named.Value : part));
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
