using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace Accreditation.FunctionalTests.Portal.Infrastructure;

/// <summary>
/// The portal's words in one language, read from its own resources: a journey written with the
/// English texts runs unchanged in French and Spanish, and fails where a translation is missing.
/// </summary>
public sealed class PortalText
{
    static readonly ConcurrentDictionary<string, PortalText> Loaded = new();

    readonly Dictionary<string, Dictionary<string, string>> _byResource;

    PortalText(string culture, Dictionary<string, Dictionary<string, string>> byResource)
    {
        Culture = culture;
        _byResource = byResource;
    }

    public string Culture { get; }

    public static PortalText For(string culture) => Loaded.GetOrAdd(culture, Load);

    /// <summary>
    /// The text in this language. <paramref name="resource"/> (e.g. "Pages.Account.SignIn",
    /// "SharedResource") picks one page's translation where pages translate the same words differently.
    /// </summary>
    public string this[string english, string? resource = null]
    {
        get
        {
            if (Culture == "en")
                return english;
            var found = _byResource
                .Where(r => resource is null || r.Key.EndsWith(resource, StringComparison.Ordinal))
                .Select(r => r.Value.GetValueOrDefault(english))
                .Where(v => v is not null)
                .Distinct()
                .ToList();
            return found.Count switch
            {
                1 => found[0]!,
                0 => throw new KeyNotFoundException($"The portal has no {Culture} text for \"{english}\"{(resource is null ? "" : $" in {resource}")}."),
                _ => throw new InvalidOperationException($"\"{english}\" is translated differently by several pages in {Culture}: name the page's resource."),
            };
        }
    }

    /// <summary>
    /// The portal's wording of a service's refusal reason (Resources/Errors/ErrorText) in this
    /// language, English included, with {placeholders} as written there.
    /// </summary>
    public string Refusal(string reason) => Wording("ErrorText", reason);

    /// <summary>The portal's wording of a history reason the service wrote (Resources/Errors/HistoryText), by its code.</summary>
    public string HistoryReason(string code) => Wording("HistoryText", code);

    string Wording(string resource, string code) =>
        new ResourceManager($"Accreditation.Portal.Resources.Errors.{resource}", typeof(Accreditation.Portal.SharedResource).Assembly)
            .GetString(code, CultureInfo.GetCultureInfo(Culture))
        ?? throw new KeyNotFoundException($"The portal has no {Culture} wording of {code} in {resource}.");

    /// <summary>The text with its placeholders filled in, as the portal formats it.</summary>
    public string Format(string english, params object[] values) => string.Format(CultureInfo.GetCultureInfo(Culture), this[english], values);

    static PortalText Load(string culture)
    {
        var byResource = new Dictionary<string, Dictionary<string, string>>();
        if (culture != "en")
        {
            var satellite = typeof(Accreditation.Portal.SharedResource).Assembly.GetSatelliteAssembly(CultureInfo.GetCultureInfo(culture));
            foreach (var name in satellite.GetManifestResourceNames())
            {
                using var stream = satellite.GetManifestResourceStream(name)!;
                using var reader = new ResourceReader(stream);
                var texts = new Dictionary<string, string>();
                foreach (DictionaryEntry entry in reader)
                    texts[(string)entry.Key] = (string)entry.Value!;
                byResource[name.Replace($".{culture}.resources", "", StringComparison.Ordinal)] = texts;
            }
        }
        return new PortalText(culture, byResource);
    }
}
