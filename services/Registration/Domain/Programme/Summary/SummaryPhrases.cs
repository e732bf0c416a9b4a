namespace Accreditation.Registration.Domain.Programme.Summary;

/// <summary>
/// The sentences of a Chair's summary in one language. Each language writes its own grammar
/// (agreement, articles, word order); what they share is here: the order of the document, lists,
/// and which categories and modes are mentioned at all (an empty category is left out).
/// </summary>
public abstract class SummaryPhrases
{
    public static SummaryPhrases For(SummaryLanguage language) => language switch
    {
        SummaryLanguage.French => FrenchPhrases.Instance,
        SummaryLanguage.Spanish => SpanishPhrases.Instance,
        _ => EnglishPhrases.Instance,
    };

    public abstract string Title(DateOnly date);

    /// <summary>The line under the title: the series as entered, and that this is a draft to finish.</summary>
    public abstract string Subtitle(string series);

    public abstract string IntroductionHeading { get; }
    public abstract string OpeningHeading { get; }

    /// <summary>Why constructive dialogues are held: the procedures and rules of the Mechanism (resolution 9/1, paragraph 53).</summary>
    public abstract string Mandate { get; }

    /// <summary>Where and when, following which working group session(s).</summary>
    public abstract string Held(DateOnly date, string venue, IReadOnlyList<SummaryWorkingGroup> groups);

    /// <summary>Who chaired and co-chaired, with their titles; null when no chair was entered.</summary>
    public abstract string? Chaired(IReadOnlyList<SummaryChair> chairs);

    /// <summary>Organizations by category (numbers in words), the modes, then the representatives.</summary>
    public abstract string Participation(SummaryParticipation participation);

    /// <summary>A drafting note saying where the figures come from.</summary>
    public abstract string SourceNote(ParticipationSource source);

    /// <summary>Where participants' written comments are (or will be) published; null without an address.</summary>
    public abstract string? WrittenComments(string? url, ParticipationSource source);

    public abstract string Opening(IReadOnlyList<SummaryChair> chairs);

    /// <summary>What happened under an agenda item, by its kind: briefing, panel, collection of inputs, other.</summary>
    public string Item(SummaryAgendaItem item) => item.Kind switch
    {
        SummaryItemKind.Briefing => Briefing(item),
        SummaryItemKind.Panel => Panel(item.Number, item.Title, item.PanelOrganizations.Count,
            item.PanelOrganizations.Distinct(StringComparer.Ordinal).ToList()),
        SummaryItemKind.CollectionOfInputs => CollectionOfInputs(item.Number, item.Title,
            item.Speakers.DistinctBy(s => (s.Organization, string.Join('\n', s.OnBehalfOf))).ToList()),
        _ => Other(item),
    };

    protected abstract string Briefing(SummaryAgendaItem item);
    protected abstract string Panel(int number, string title, int panellists, IReadOnlyList<string> organizations);
    protected abstract string CollectionOfInputs(int number, string title, IReadOnlyList<SummarySpeaker> speakers);
    protected abstract string Other(SummaryAgendaItem item);

    /// <summary>The drafting note left under each section for the secretariat to write what was said.</summary>
    public abstract string ToBeCompleted { get; }

    /// <summary>"and", "et", "y" (Spanish turns it to "e" before an i sound).</summary>
    protected abstract string And(string next);

    /// <summary>"; " or, in French, with the space French sets before it.</summary>
    protected virtual string Semicolon => "; ";

    /// <summary>"a", "a and b", "a, b and c"; with semicolons when an item has commas of its own ("B, on behalf of C").</summary>
    protected string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        if (all.Count <= 1)
            return string.Concat(all);
        var semicolons = all.Any(i => i.Contains(','));
        var separator = semicolons ? Semicolon : ", ";
        var last = semicolons ? $"{Semicolon}{And(all[^1])} {all[^1]}" : $" {And(all[^1])} {all[^1]}";
        return string.Join(separator, all[..^1]) + last;
    }

    /// <summary>
    /// "A, Title, and B, Title": people with titles, whose commas are the appositions' own; three or
    /// more are set apart with semicolons.
    /// </summary>
    protected string People(IReadOnlyList<SummaryChair> people)
    {
        var named = people.Select(Person).ToList();
        if (!people.Any(p => p.Title.Trim().Length > 0))
            return List(named);
        return named.Count switch
        {
            1 => named[0],
            2 => $"{named[0]}, {And(named[1])} {named[1]}",
            _ => string.Join(Semicolon, named[..^1]) + $"{Semicolon}{And(named[^1])} {named[^1]}",
        };
    }

    protected static string Person(SummaryChair chair) =>
        chair.Title.Trim().Length == 0 ? chair.Name.Trim() : $"{chair.Name.Trim()}, {chair.Title.Trim()}";

    /// <summary>Whether the last person named has a title, so the apposition closes with a comma.</summary>
    protected static bool EndsWithTitle(IReadOnlyList<SummaryChair> people) => people.Count > 0 && people[^1].Title.Trim().Length > 0;

    /// <summary>The categories with participants, each counted in this language's words, in the summaries' order.</summary>
    protected IReadOnlyList<string> Categories(SummaryParticipation p) =>
        new (int Count, Func<int, string> Words)[]
            {
                (p.NonGovernmentalOrganizations, NonGovernmentalOrganizations),
                (p.AcademicInstitutions, AcademicInstitutions),
                (p.PrivateSectorEntities, PrivateSectorEntities),
                (p.OtherStakeholders, OtherStakeholders),
            }
            .Where(c => c.Count > 0).Select(c => c.Words(c.Count)).ToList();

    protected abstract string NonGovernmentalOrganizations(int count);
    protected abstract string AcademicInstitutions(int count);
    protected abstract string PrivateSectorEntities(int count);
    protected abstract string OtherStakeholders(int count);

    /// <summary>Whether the verb of the participation sentence is singular: one category, one organization.</summary>
    protected static bool OneOrganization(SummaryParticipation p) => p.Organizations == 1;

    protected static (IReadOnlyList<SummaryChair> Chair, IReadOnlyList<SummaryChair> CoChairs) Split(IReadOnlyList<SummaryChair> chairs) =>
        (chairs.Where(c => c.Role == SummaryChairRole.Chair).ToList(), chairs.Where(c => c.Role == SummaryChairRole.CoChair).ToList());

    /// <summary>The series (as entered, not translated) before the draft's line.</summary>
    protected static string Prefixed(string series, string text) => series.Trim().Length == 0 ? text : $"{series.Trim()}. {text}";

    /// <summary>"I", "II"...: the sections of UN documents.</summary>
    public static string Roman(int number)
    {
        var result = new System.Text.StringBuilder();
        foreach (var (value, letters) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
            for (; number >= value; number -= value)
                result.Append(letters);
        return result.ToString();
    }

    protected static string Capitalized(string text) => Statistics.NumberWords.Capitalized(text);
}
