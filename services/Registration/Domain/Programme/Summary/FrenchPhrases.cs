using Accreditation.Registration.Domain.Statistics;

namespace Accreditation.Registration.Domain.Programme.Summary;

/// <summary>
/// The summary in French, as the United Nations writes it: numbers agreeing with their noun
/// ("vingt et une organisations non gouvernementales", "vingt et un établissements universitaires"),
/// "de" elided before a vowel, a non-breaking space before ":" and ";" and inside « ».
/// </summary>
public sealed class FrenchPhrases : SummaryPhrases
{
    public static readonly FrenchPhrases Instance = new();

    const string Space = "\u00A0";

    public override string Title(DateOnly date) =>
        $"Résumé de la présidence du dialogue constructif tenu le {SessionNames.Date(date, SummaryLanguage.French)}";

    public override string Subtitle(string series) =>
        Prefixed(series, "Projet établi à partir des données d'inscription, à compléter par le secrétariat.");

    public override string IntroductionHeading => "Introduction";
    public override string OpeningHeading => "Ouverture du dialogue";

    public override string Mandate =>
        "Les dialogues constructifs avec les parties prenantes concernées, y compris les organisations non gouvernementales, " +
        "se tiennent en application du paragraphe 53 des procédures et règles de fonctionnement du Mécanisme d'examen de " +
        "l'application de la Convention des Nations Unies contre la criminalité transnationale organisée et des Protocoles " +
        "s'y rapportant, adoptées par la Conférence des Parties à la Convention dans sa résolution 9/1, qui prévoit que de " +
        "tels dialogues devraient être organisés de manière régulière à l'issue des sessions des groupes de travail.";

    public override string Held(DateOnly date, string venue, IReadOnlyList<SummaryWorkingGroup> groups)
    {
        var where = venue.Trim().Length == 0 ? "" : $" à {SessionNames.Venue(venue, SummaryLanguage.French)}";
        var held = $"Le dialogue constructif s'est tenu{where} le {SessionNames.Date(date, SummaryLanguage.French)}";
        string Of(SummaryWorkingGroup g)
        {
            var name = SessionNames.WorkingGroup(g.Name, SummaryLanguage.French);
            return name.StartsWith("Groupe", StringComparison.Ordinal) ? $"du {name}" : Elided("de", name);
        }
        return groups.Count switch
        {
            0 => held + ".",
            1 => SessionNames.Number(groups[0].Session) is { } n
                ? $"{held}, à l'issue de la {SessionNames.FrenchOrdinal(n)} session {Of(groups[0])}."
                : $"{held}, à l'issue de la session {Of(groups[0])}.",
            _ => $"{held}, à l'issue des sessions {List(groups.Select(Of))}.",
        };
    }

    public override string? Chaired(IReadOnlyList<SummaryChair> chairs)
    {
        var (chair, coChairs) = Split(chairs);
        if (chair.Count == 0 && coChairs.Count == 0)
            return null;
        if (chair.Count == 0)
            return $"Le dialogue a été coprésidé par {People(coChairs)}.";
        if (coChairs.Count == 0)
            return $"Le dialogue a été présidé par {People(chair)}.";
        return $"Le dialogue a été présidé par {People(chair)}, la coprésidence étant assurée par {People(coChairs)}.";
    }

    public override string Participation(SummaryParticipation p)
    {
        var attended = p.Source == ParticipationSource.Attendance;
        var modes = (p.RepresentativesOnline > 0, p.RepresentativesInPerson > 0) switch
        {
            (true, true) => ", en ligne et en présentiel,",
            (true, false) => ", en ligne,",
            (false, true) => ", en présentiel,",
            _ => "",
        };
        var categories = List(Categories(p));
        var organizations = (p.Organizations, attended) switch
        {
            (0, true) => "Aucune partie prenante non gouvernementale n'a participé au dialogue.",
            (0, false) => "Aucune partie prenante non gouvernementale n'a été admise à participer au dialogue.",
            (_, true) => $"{Capitalized(categories)} {(OneOrganization(p) ? "a" : "ont")} participé au dialogue{modes.TrimEnd(',')}.",
            _ => $"La participation au dialogue{modes} {Elided("de", categories)} a été approuvée.",
        };
        var total = p.RepresentativesInPerson + p.RepresentativesOnline;
        if (total == 0)
            return organizations;
        var verb = (attended, total == 1) switch
        {
            (true, true) => "a assisté au dialogue",
            (true, false) => "ont assisté au dialogue",
            (false, true) => "était inscrit",
            _ => "étaient inscrits",
        };
        var split = (p.RepresentativesInPerson, p.RepresentativesOnline) switch
        {
            (_, 0) => total == 1 ? "en présentiel" : "tous en présentiel",
            (0, _) => total == 1 ? "en ligne" : "tous en ligne",
            var (inPerson, online) => $"dont {NumberWords.French(inPerson)} en présentiel et {NumberWords.French(online)} en ligne",
        };
        return $"{organizations} Au total, {Counted(total, GrammaticalGender.Masculine, "représentant", "représentants")} {verb}, {split}.";
    }

    static string Counted(long count, GrammaticalGender gender, string singular, string plural) =>
        $"{NumberWords.French(count, gender)} {(count == 1 ? singular : plural)}";

    protected override string NonGovernmentalOrganizations(int count) =>
        Counted(count, GrammaticalGender.Feminine, "organisation non gouvernementale", "organisations non gouvernementales");
    protected override string AcademicInstitutions(int count) =>
        Counted(count, GrammaticalGender.Masculine, "établissement universitaire", "établissements universitaires");
    protected override string PrivateSectorEntities(int count) =>
        Counted(count, GrammaticalGender.Feminine, "entité du secteur privé", "entités du secteur privé");
    protected override string OtherStakeholders(int count) =>
        Counted(count, GrammaticalGender.Feminine, "autre partie prenante", "autres parties prenantes");

    public override string SourceNote(ParticipationSource source) => source == ParticipationSource.Attendance
        ? "[Chiffres de participation tirés des présences enregistrées le jour du dialogue.]"
        : $"[Projet établi avant le dialogue{Space}: les chiffres de participation sont ceux des organisations admises et des " +
          $"représentants inscrits{Space}; ils seront tirés des présences une fois le dialogue tenu.]";

    public override string? WrittenComments(string? url, ParticipationSource source) => string.IsNullOrWhiteSpace(url) ? null
        : $"Les observations écrites soumises par les participants {(source == ParticipationSource.Attendance ? "ont été" : "seront")} mises à disposition sur le site Web ({url.Trim()}).";

    public override string Opening(IReadOnlyList<SummaryChair> chairs)
    {
        var (chair, coChairs) = Split(chairs);
        return chair.Count > 0 ? $"{chair[0].Name.Trim()}, qui assurait la présidence, a ouvert le dialogue."
            : coChairs.Count > 0 ? $"{coChairs[0].Name.Trim()}, qui assurait la coprésidence, a ouvert le dialogue."
            : "Le dialogue a été ouvert.";
    }

    static string Quoted(string title) => $"«{Space}{title.Trim()}{Space}»";

    static string Under(int number, string title) => $"Au titre du point {number} de l'ordre du jour, intitulé {Quoted(title)},";

    protected override string Briefing(SummaryAgendaItem item) => $"{Under(item.Number, item.Title)} le secrétariat a présenté un exposé.";

    protected override string Panel(int number, string title, int panellists, IReadOnlyList<string> organizations) =>
        panellists == 0 ? $"{Under(number, title)} une réunion-débat s'est tenue."
            : $"{Under(number, title)} une réunion-débat s'est tenue avec {Counted(panellists, GrammaticalGender.Masculine, "intervenant", "intervenants")} représentant {List(organizations)}.";

    protected override string CollectionOfInputs(int number, string title, IReadOnlyList<SummarySpeaker> speakers)
    {
        var invited = $"{Under(number, title)} les participants ont été invités à faire part de leurs contributions et suggestions.";
        string Speaker(SummarySpeaker s) => s.OnBehalfOf.Count == 0 ? s.Organization.Trim()
            : $"{s.Organization.Trim()}, au nom {List(s.OnBehalfOf.Select(o => Elided("de", o.Trim())))}";
        return speakers.Count switch
        {
            0 => $"{invited} Aucune déclaration n'a été faite.",
            1 => $"{invited} Une déclaration a été faite par le représentant de l'organisation suivante{Space}: {Speaker(speakers[0])}.",
            _ => $"{invited} Des déclarations ont été faites par les représentants des organisations suivantes{Space}: {List(speakers.Select(Speaker))}.",
        };
    }

    protected override string Other(SummaryAgendaItem item) =>
        $"Le point {item.Number} de l'ordre du jour, intitulé {Quoted(item.Title)}, a été examiné.";

    public override string ToBeCompleted => "[Résumé des débats à compléter par le secrétariat.]";

    protected override string And(string next) => "et";

    protected override string Semicolon => $"{Space}; ";

    /// <summary>"de X", "d'Amnesty", "d'une organisation"; "de onze", "de huit" and "de Youth" (a consonant y) keep their e.</summary>
    public static string Elided(string word, string next) =>
        next.Length > 0 && "aeiouàâäéèêëîïôöùûüAEIOUÀÂÉÈÊÎÔÛ".Contains(next[0]) && !next.StartsWith("onze", StringComparison.OrdinalIgnoreCase)
            ? $"{word[..^1]}'{next}"
            : $"{word} {next}";
}
