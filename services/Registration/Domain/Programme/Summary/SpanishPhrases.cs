using Accreditation.Registration.Domain.Statistics;

namespace Accreditation.Registration.Domain.Programme.Summary;

/// <summary>
/// The summary in Spanish, as the United Nations writes it: the verb before its subject
/// ("Participaron en el diálogo veintiuna organizaciones no gubernamentales"), numbers agreeing with
/// their noun ("veintiún representantes"), "y" turned to "e" before an i sound.
/// </summary>
public sealed class SpanishPhrases : SummaryPhrases
{
    public static readonly SpanishPhrases Instance = new();

    public override string Title(DateOnly date) =>
        $"Resumen de la Presidencia del diálogo constructivo celebrado el {SessionNames.Date(date, SummaryLanguage.Spanish)}";

    public override string Subtitle(string series) =>
        Prefixed(series, "Proyecto elaborado a partir de los datos de inscripción, que ha de completar la secretaría.");

    public override string IntroductionHeading => "Introducción";
    public override string OpeningHeading => "Apertura del diálogo";

    public override string Mandate =>
        "Los diálogos constructivos con los interesados pertinentes, incluidas las organizaciones no gubernamentales, se " +
        "celebran de conformidad con el párrafo 53 de los procedimientos y normas para el funcionamiento del Mecanismo de " +
        "Examen de la Aplicación de la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional y sus " +
        "Protocolos, aprobados por la Conferencia de las Partes en la Convención en su resolución 9/1, en el que se dispone " +
        "que esos diálogos deberían celebrarse de forma periódica tras la conclusión de los períodos de sesiones de los grupos de trabajo.";

    public override string Held(DateOnly date, string venue, IReadOnlyList<SummaryWorkingGroup> groups)
    {
        var where = venue.Trim().Length == 0 ? "" : $" en {SessionNames.Venue(venue, SummaryLanguage.Spanish)}";
        var held = $"El diálogo constructivo se celebró{where} el {SessionNames.Date(date, SummaryLanguage.Spanish)}";
        string Of(SummaryWorkingGroup g)
        {
            var name = SessionNames.WorkingGroup(g.Name, SummaryLanguage.Spanish);
            return name.StartsWith("Grupo", StringComparison.Ordinal) ? $"del {name}" : $"de {name}";
        }
        return groups.Count switch
        {
            0 => held + ".",
            1 => SessionNames.Number(groups[0].Session) is { } n && SessionNames.SpanishOrdinal(n) is { } ordinal
                ? $"{held}, tras el {ordinal} período de sesiones {Of(groups[0])}."
                : $"{held}, tras el período de sesiones {Of(groups[0])}.",
            _ => $"{held}, tras los períodos de sesiones {List(groups.Select(Of))}.",
        };
    }

    public override string? Chaired(IReadOnlyList<SummaryChair> chairs)
    {
        var (chair, coChairs) = Split(chairs);
        if (chair.Count == 0 && coChairs.Count == 0)
            return null;
        if (chair.Count == 0)
            return $"El diálogo estuvo copresidido por {People(coChairs)}.";
        if (coChairs.Count == 0)
            return $"El diálogo estuvo presidido por {People(chair)}.";
        var close = EndsWithTitle(chair) ? "," : "";
        return $"El diálogo estuvo presidido por {People(chair)}{close} {And("copresidido")} copresidido por {People(coChairs)}.";
    }

    public override string Participation(SummaryParticipation p)
    {
        var attended = p.Source == ParticipationSource.Attendance;
        var modes = (p.RepresentativesOnline > 0, p.RepresentativesInPerson > 0) switch
        {
            (true, true) => ", en línea y de forma presencial,",
            (true, false) => ", en línea,",
            (false, true) => ", de forma presencial,",
            _ => "",
        };
        var categories = List(Categories(p));
        var organizations = (p.Organizations, attended) switch
        {
            (0, true) => "No participó en el diálogo ninguna parte interesada no gubernamental.",
            (0, false) => "No se aprobó la participación en el diálogo de ninguna parte interesada no gubernamental.",
            (_, true) => $"{(OneOrganization(p) ? "Participó" : "Participaron")} en el diálogo{modes} {categories}.",
            _ => $"Se aprobó la participación en el diálogo{modes} de {categories}.",
        };
        var total = p.RepresentativesInPerson + p.RepresentativesOnline;
        if (total == 0)
            return organizations;
        var verb = (attended, total == 1) switch
        {
            (true, true) => "asistió al diálogo",
            (true, false) => "asistieron al diálogo",
            (false, true) => "se inscribió",
            _ => "se inscribieron",
        };
        var split = (p.RepresentativesInPerson, p.RepresentativesOnline) switch
        {
            (_, 0) => total == 1 ? "de forma presencial" : "todos de forma presencial",
            (0, _) => total == 1 ? "en línea" : "todos en línea",
            var (inPerson, online) => $"{NumberWords.Spanish(inPerson)} de forma presencial {And(NumberWords.Spanish(online))} {NumberWords.Spanish(online)} en línea",
        };
        return $"{organizations} En total, {verb} {Counted(total, GrammaticalGender.Masculine, "representante", "representantes")}, {split}.";
    }

    static string Counted(long count, GrammaticalGender gender, string singular, string plural) =>
        $"{NumberWords.Spanish(count, gender)} {(count == 1 ? singular : plural)}";

    protected override string NonGovernmentalOrganizations(int count) =>
        Counted(count, GrammaticalGender.Feminine, "organización no gubernamental", "organizaciones no gubernamentales");
    protected override string AcademicInstitutions(int count) =>
        Counted(count, GrammaticalGender.Feminine, "institución académica", "instituciones académicas");
    protected override string PrivateSectorEntities(int count) =>
        Counted(count, GrammaticalGender.Feminine, "entidad del sector privado", "entidades del sector privado");
    protected override string OtherStakeholders(int count) =>
        Counted(count, GrammaticalGender.Feminine, "parte interesada de otro tipo", "partes interesadas de otro tipo");

    public override string SourceNote(ParticipationSource source) => source == ParticipationSource.Attendance
        ? "[Cifras de participación extraídas de la asistencia registrada el día del diálogo.]"
        : "[Proyecto elaborado antes del diálogo: las cifras de participación corresponden a las organizaciones admitidas y a " +
          "los representantes inscritos; se extraerán de la asistencia una vez celebrado el diálogo.]";

    public override string? WrittenComments(string? url, ParticipationSource source) => string.IsNullOrWhiteSpace(url) ? null
        : $"Las observaciones por escrito presentadas por los participantes {(source == ParticipationSource.Attendance ? "se pusieron" : "se pondrán")} a disposición en el sitio web ({url.Trim()}).";

    public override string Opening(IReadOnlyList<SummaryChair> chairs)
    {
        var (chair, coChairs) = Split(chairs);
        return chair.Count > 0 ? $"{chair[0].Name.Trim()}, quien ocupaba la Presidencia, declaró abierto el diálogo."
            : coChairs.Count > 0 ? $"{coChairs[0].Name.Trim()}, quien ocupaba la Copresidencia, declaró abierto el diálogo."
            : "Se declaró abierto el diálogo.";
    }

    static string Under(int number, string title) => $"En relación con el tema {number} del programa, titulado “{title.Trim()}”,";

    protected override string Briefing(SummaryAgendaItem item) => $"{Under(item.Number, item.Title)} la secretaría ofreció una exposición informativa.";

    protected override string Panel(int number, string title, int panellists, IReadOnlyList<string> organizations) =>
        panellists == 0 ? $"{Under(number, title)} se celebró una mesa redonda."
            : $"{Under(number, title)} se celebró una mesa redonda con {Counted(panellists, GrammaticalGender.Masculine, "ponente", "ponentes")}, en representación de {List(organizations)}.";

    protected override string CollectionOfInputs(int number, string title, IReadOnlyList<SummarySpeaker> speakers)
    {
        var invited = $"{Under(number, title)} se invitó a los participantes a compartir sus aportaciones y sugerencias.";
        string Speaker(SummarySpeaker s) => s.OnBehalfOf.Count == 0 ? s.Organization.Trim()
            : $"{s.Organization.Trim()}, en nombre de {List(s.OnBehalfOf.Select(o => o.Trim()))}";
        return speakers.Count switch
        {
            0 => $"{invited} No se formularon declaraciones.",
            1 => $"{invited} Formuló una declaración el representante de la siguiente organización: {Speaker(speakers[0])}.",
            _ => $"{invited} Formularon declaraciones los representantes de las siguientes organizaciones: {List(speakers.Select(Speaker))}.",
        };
    }

    protected override string Other(SummaryAgendaItem item) => $"Se examinó el tema {item.Number} del programa, titulado “{item.Title.Trim()}”.";

    public override string ToBeCompleted => "[Resumen de los debates que ha de completar la secretaría.]";

    /// <summary>"y", but "e" before an i sound ("e Investigación", "e Hispano"), not before a diphthong ("y hielo").</summary>
    protected override string And(string next)
    {
        var word = next.TrimStart().ToLowerInvariant();
        var iSound = word.StartsWith('i') || word.StartsWith('í')
            || (word.Length > 1 && word[0] == 'h' && (word[1] is 'i' or 'í') && !(word.Length > 2 && word[1] == 'i' && "aeoué".Contains(word[2])));
        return iSound ? "e" : "y";
    }
}
