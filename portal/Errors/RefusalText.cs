using System.Globalization;
using System.Text.RegularExpressions;
using Accreditation.Portal.Localization;
using Accreditation.Registration.V1;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal.Errors;

/// <summary>The portal's wordings of the services' refusal reasons: Resources/Errors/ErrorText.{en,fr,es}.resx.</summary>
public sealed class ErrorText;

/// <summary>
/// Says a refusal in the person's language: the wording of its ErrorInfo reason with the metadata
/// put in its {placeholders} (instants and days in the culture's format, states by their names).
/// A reason without a wording (a generic one, or a new one) shows the service's English text, and
/// in French or Spanish the lookup is logged as untranslated, which the browser tests fail on.
/// </summary>
public sealed partial class RefusalText(IStringLocalizer<SharedResource> shared, IStringLocalizer<ErrorText> errors, EnumNames names)
{
    public string Describe(ServiceError error) => error.Describe(shared, Word(error));

    /// <summary>The reason in the person's language, or null where the portal has no wording for it.</summary>
    public string? Word(ServiceError error)
    {
        if (error.Reason.Length == 0)
            return null;
        var wording = errors[error.Reason];
        return wording.ResourceNotFound ? null : Placeholder().Replace(wording.Value, m => Value(m.Groups[1].Value, error.Metadata));
    }

    string Value(string key, IReadOnlyDictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue(key, out var value))
            return "";
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
        // Other enum values have their wording beside the reasons ("representative_status=Withdrawn").
        var named = errors[$"{key}={value}"];
        return named.ResourceNotFound ? value : named.Value;
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
