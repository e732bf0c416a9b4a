using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal.Localization;

/// <summary>
/// Every text of the portal is looked up by its English wording; in French or Spanish a lookup
/// that finds no translation is logged once (a warning tests fail on), and the English shows.
/// </summary>
public sealed class UntranslatedTextLogging(IStringLocalizerFactory inner, ILogger<UntranslatedTextLogging> logger) : IStringLocalizerFactory
{
    readonly ConcurrentDictionary<string, bool> _reported = new();

    public IStringLocalizer Create(Type resourceSource) => new Checked(inner.Create(resourceSource), resourceSource.Name, this);

    public IStringLocalizer Create(string baseName, string location) => new Checked(inner.Create(baseName, location), baseName, this);

    void Report(string resource, LocalizedString text)
    {
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (text.ResourceNotFound && culture != PortalCultures.English && _reported.TryAdd($"{culture}|{resource}|{text.Name}", true))
            logger.LogWarning("Untranslated text in {Culture} ({Resource}): \"{Text}\"", culture, resource, text.Name);
    }

    sealed class Checked(IStringLocalizer inner, string resource, UntranslatedTextLogging owner) : IStringLocalizer
    {
        public LocalizedString this[string name] => Report(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Report(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        LocalizedString Report(LocalizedString text)
        {
            owner.Report(resource, text);
            return text;
        }
    }
}
