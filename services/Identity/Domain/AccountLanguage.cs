using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Identity.Domain;

/// <summary>The languages notices are written in; an account picks one.</summary>
public static class AccountLanguage
{
    public const string Default = "en";
    public static readonly IReadOnlyList<string> Supported = ["en", "fr", "es"];

    /// <summary>Empty means the default; otherwise one of the supported codes, any case.</summary>
    public static string Parse(string? value)
    {
        var code = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(code))
            return Default;
        return Supported.Contains(code)
            ? code
            : throw new InvalidFieldException("language", $"must be one of {string.Join(", ", Supported)}", CommonReasons.LanguageNotSupported, ("allowed_values", Supported));
    }
}
