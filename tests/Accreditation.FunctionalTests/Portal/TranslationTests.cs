using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Accreditation.FunctionalTests.Portal;

/// <summary>
/// Every text the portal translates has its French and its Spanish: the same pages, the same
/// texts, none empty, the same placeholders. (English is the key itself.)
/// </summary>
public sealed class TranslationTests
{
    [Fact]
    public void Every_portal_text_has_a_french_and_a_spanish_translation_with_the_same_placeholders()
    {
        var french = Texts("fr");
        var spanish = Texts("es");
        Assert.NotEmpty(french);
        Assert.Equal(french.Keys.Order(), spanish.Keys.Order());
        var problems = new List<string>();
        foreach (var (resource, frenchTexts) in french)
        {
            var spanishTexts = spanish[resource];
            foreach (var key in frenchTexts.Keys.Union(spanishTexts.Keys))
            {
                foreach (var (language, texts) in new[] { ("fr", frenchTexts), ("es", spanishTexts) })
                {
                    if (!texts.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
                        problems.Add($"{resource}: \"{key}\" has no {language} text");
                    else if (!Placeholders(text).SetEquals(Placeholders(key)))
                        problems.Add($"{resource}: \"{key}\" in {language} has placeholders {string.Join(",", Placeholders(text))}");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    static HashSet<string> Placeholders(string text) => Regex.Matches(text, @"\{\d+(:[^}]*)?\}").Select(m => m.Value).ToHashSet();

    static Dictionary<string, Dictionary<string, string>> Texts(string culture)
    {
        var satellite = typeof(Accreditation.Portal.SharedResource).Assembly.GetSatelliteAssembly(CultureInfo.GetCultureInfo(culture));
        var result = new Dictionary<string, Dictionary<string, string>>();
        foreach (var name in satellite.GetManifestResourceNames())
        {
            using var reader = new ResourceReader(satellite.GetManifestResourceStream(name)!);
            result[name.Replace($".{culture}.resources", "", StringComparison.Ordinal)] =
                reader.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        }
        return result;
    }
}
