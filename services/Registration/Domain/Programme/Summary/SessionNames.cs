using System.Text.RegularExpressions;
using Accreditation.Registration.Domain.Statistics;

namespace Accreditation.Registration.Domain.Programme.Summary;

/// <summary>
/// The names in the held-on sentence, in each language: the session's ordinal ("ninth session",
/// "neuvième session", "noveno período de sesiones"), the working groups of the Conference as its
/// documents name them, the date. A name or session the table does not know is written as entered,
/// for the secretariat to translate by hand.
/// </summary>
public static partial class SessionNames
{
    static readonly Dictionary<string, int> EnglishOrdinals =
        Enumerable.Range(1, 100).ToDictionary(EnglishOrdinal, n => n, StringComparer.OrdinalIgnoreCase);

    /// <summary>The session's number from "ninth session", "9th session", "9" or "session 9"; null otherwise.</summary>
    public static int? Number(string session)
    {
        var text = session.Trim();
        if (SessionPattern().Match(text) is { Success: true } m)
            text = m.Groups["ordinal"].Value;
        if (DigitsPattern().Match(text) is { Success: true } digits)
            return int.Parse(digits.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return EnglishOrdinals.TryGetValue(text, out var number) ? number : null;
    }

    [GeneratedRegex(@"^(?:(?<ordinal>.+?)\s+session|session\s+(?<ordinal>.+))$", RegexOptions.IgnoreCase)]
    private static partial Regex SessionPattern();

    [GeneratedRegex(@"^(?<number>\d{1,3})(?:st|nd|rd|th)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DigitsPattern();

    /// <summary>"first", "twenty-first", "one hundredth".</summary>
    public static string EnglishOrdinal(int number)
    {
        var words = NumberWords.Of(number);
        var split = Math.Max(words.LastIndexOf(' '), words.LastIndexOf('-')) + 1;
        var (head, last) = (words[..split], words[split..]);
        var ordinal = last switch
        {
            "one" => "first",
            "two" => "second",
            "three" => "third",
            "five" => "fifth",
            "eight" => "eighth",
            "nine" => "ninth",
            "twelve" => "twelfth",
            _ when last.EndsWith('y') => last[..^1] + "ieth",
            _ => last + "th",
        };
        return head + ordinal;
    }

    /// <summary>"première", "deuxième", "vingt et unième" (of a session: feminine).</summary>
    public static string FrenchOrdinal(int number)
    {
        if (number == 1)
            return "première";
        var words = NumberWords.French(number);
        // The cardinal loses its final e or s, and cinq and neuf change: "cinquième", "neuvième", "quatre-vingtième".
        if (words.EndsWith('s') && (words.EndsWith("vingts", StringComparison.Ordinal) || words.EndsWith("cents", StringComparison.Ordinal)))
            words = words[..^1];
        return words switch
        {
            _ when words.EndsWith("cinq", StringComparison.Ordinal) => words + "uième",
            _ when words.EndsWith("neuf", StringComparison.Ordinal) => words[..^1] + "vième",
            _ when words.EndsWith('e') => words[..^1] + "ième",
            _ => words + "ième",
        };
    }

    static readonly string[] SpanishUnits = ["", "primer", "segundo", "tercer", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno"];

    /// <summary>"noveno", "decimotercer", "vigésimo primer" (before "período": apocopated); null past 39.</summary>
    public static string? SpanishOrdinal(int number) => number switch
    {
        < 1 or > 39 => null,
        < 10 => SpanishUnits[number],
        10 => "décimo",
        11 => "undécimo",
        12 => "duodécimo",
        < 20 => "decimo" + (number == 18 ? "ctavo" : SpanishUnits[number - 10]),
        20 => "vigésimo",
        < 30 => "vigésimo " + SpanishUnits[number - 20],
        30 => "trigésimo",
        _ => "trigésimo " + SpanishUnits[number - 30],
    };

    sealed record GroupNames(string French, string Spanish);

    /// <summary>The working groups of the Conference of the Parties, keyed by their English name in lower case without "the".</summary>
    static readonly Dictionary<string, GroupNames> WorkingGroups = new(StringComparer.Ordinal)
    {
        ["working group on trafficking in persons"] = new("Groupe de travail sur la traite des personnes", "Grupo de Trabajo sobre la Trata de Personas"),
        ["working group on smuggling of migrants"] = new("Groupe de travail sur le trafic illicite de migrants", "Grupo de Trabajo sobre el Tráfico Ilícito de Migrantes"),
        ["working group on firearms"] = new("Groupe de travail sur les armes à feu", "Grupo de Trabajo sobre Armas de Fuego"),
        ["working group on international cooperation"] = new("Groupe de travail sur la coopération internationale", "Grupo de Trabajo sobre Cooperación Internacional"),
        ["working group of government experts on technical assistance"] = new("Groupe de travail d'experts gouvernementaux sur l'assistance technique", "Grupo de Trabajo de Expertos Gubernamentales sobre Asistencia Técnica"),
        ["working group on technical assistance"] = new("Groupe de travail d'experts gouvernementaux sur l'assistance technique", "Grupo de Trabajo de Expertos Gubernamentales sobre Asistencia Técnica"),
    };

    static GroupNames? Known(string name) =>
        WorkingGroups.GetValueOrDefault(Regex.Replace(name.Trim().ToLowerInvariant(), @"\bthe\s+", ""));

    public static string WorkingGroup(string name, SummaryLanguage language) => language switch
    {
        SummaryLanguage.French => Known(name)?.French ?? name.Trim(),
        SummaryLanguage.Spanish => Known(name)?.Spanish ?? name.Trim(),
        _ => name.Trim(),
    };

    static readonly Dictionary<string, GroupNames> Venues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Vienna"] = new("Vienne", "Viena"),
        ["Vienna International Centre"] = new("Centre international de Vienne", "Centro Internacional de Viena"),
        ["New York"] = new("New York", "Nueva York"),
        ["Geneva"] = new("Genève", "Ginebra"),
    };

    public static string Venue(string venue, SummaryLanguage language) => language switch
    {
        SummaryLanguage.French => Venues.GetValueOrDefault(venue.Trim())?.French ?? venue.Trim(),
        SummaryLanguage.Spanish => Venues.GetValueOrDefault(venue.Trim())?.Spanish ?? venue.Trim(),
        _ => venue.Trim(),
    };

    static readonly string[] EnglishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    static readonly string[] FrenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
    static readonly string[] SpanishMonths = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    /// <summary>"1 July 2022", "1er juillet 2022", "1 de julio de 2022".</summary>
    public static string Date(DateOnly date, SummaryLanguage language) => language switch
    {
        SummaryLanguage.French => $"{(date.Day == 1 ? "1er" : date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture))} {FrenchMonths[date.Month - 1]} {date.Year}",
        SummaryLanguage.Spanish => $"{date.Day} de {SpanishMonths[date.Month - 1]} de {date.Year}",
        _ => $"{date.Day} {EnglishMonths[date.Month - 1]} {date.Year}",
    };
}
