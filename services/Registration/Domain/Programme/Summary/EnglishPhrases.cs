using static Accreditation.Registration.Domain.Statistics.NumberWords;

namespace Accreditation.Registration.Domain.Programme.Summary;

/// <summary>The summary in English, as the secretariat writes it (British spelling, no serial comma).</summary>
public sealed class EnglishPhrases : SummaryPhrases
{
    public static readonly EnglishPhrases Instance = new();

    public override string Title(DateOnly date) =>
        $"Chair's summary of the constructive dialogue held on {SessionNames.Date(date, SummaryLanguage.English)}";

    public override string Subtitle(string series) =>
        Prefixed(series, "Draft prepared from the registration data, for the secretariat to complete.");

    public override string IntroductionHeading => "Introduction";
    public override string OpeningHeading => "Opening of the dialogue";

    public override string Mandate =>
        "Constructive dialogues with relevant stakeholders, including non-governmental organizations, are held pursuant to " +
        "paragraph 53 of the procedures and rules for the functioning of the Mechanism for the Review of the Implementation " +
        "of the United Nations Convention against Transnational Organized Crime and the Protocols thereto, adopted by the " +
        "Conference of the Parties to the Convention in its resolution 9/1, which provides that such dialogues should be " +
        "convened as a regular practice following the conclusion of the sessions of the working groups.";

    public override string Held(DateOnly date, string venue, IReadOnlyList<SummaryWorkingGroup> groups)
    {
        var where = venue.Trim().Length == 0 ? "" : $" in {SessionNames.Venue(venue, SummaryLanguage.English)}";
        var held = $"The constructive dialogue was held{where} on {SessionNames.Date(date, SummaryLanguage.English)}";
        return groups.Count switch
        {
            0 => held + ".",
            1 => $"{held}, following the {Session(groups[0].Session)} of the {groups[0].Name.Trim()}.",
            _ => $"{held}, following the sessions of {List(groups.Select(g => $"the {g.Name.Trim()}"))}.",
        };
    }

    static string Session(string session) =>
        SessionNames.Number(session) is { } n ? $"{SessionNames.EnglishOrdinal(n)} session" : session.Trim();

    public override string? Chaired(IReadOnlyList<SummaryChair> chairs)
    {
        var (chair, coChairs) = Split(chairs);
        if (chair.Count == 0 && coChairs.Count == 0)
            return null;
        if (chair.Count == 0)
            return $"The dialogue was co-chaired by {People(coChairs)}.";
        if (coChairs.Count == 0)
            return $"The dialogue was chaired by {People(chair)}.";
        var close = EndsWithTitle(coChairs) ? "," : "";
        return $"The dialogue was chaired by {People(chair)}, with {People(coChairs)}{close} as {(coChairs.Count == 1 ? "co-chair" : "co-chairs")}.";
    }

    public override string Participation(SummaryParticipation p)
    {
        var attended = p.Source == ParticipationSource.Attendance;
        var modes = Modes(p);
        var organizations = p.Organizations == 0
            ? attended ? "No non-governmental stakeholder participated in the dialogue."
                : "No non-governmental stakeholder was admitted to participate in the dialogue."
            : $"{Capitalized(List(Categories(p)))} {(attended ? "participated" : OneOrganization(p) ? "was admitted to participate" : "were admitted to participate")} " +
              $"in the dialogue{(modes.Length > 0 ? ", " + modes : "")}.";
        var total = p.RepresentativesInPerson + p.RepresentativesOnline;
        if (total == 0)
            return organizations;
        var verb = attended ? "attended" : total == 1 ? "was registered" : "were registered";
        var split = (p.RepresentativesInPerson, p.RepresentativesOnline) switch
        {
            (_, 0) => total == 1 ? "in person" : "all in person",
            (0, _) => total == 1 ? "online" : "all online",
            var (inPerson, online) => $"{Of(inPerson)} in person and {Of(online)} online",
        };
        return $"{organizations} In all, {Counted(total, "representative", "representatives")} {verb}, {split}.";
    }

    static string Modes(SummaryParticipation p) => (p.RepresentativesOnline > 0, p.RepresentativesInPerson > 0) switch
    {
        (true, true) => "online and in person",
        (true, false) => "online",
        (false, true) => "in person",
        _ => "",
    };

    protected override string NonGovernmentalOrganizations(int count) => Counted(count, "non-governmental organization", "non-governmental organizations");
    protected override string AcademicInstitutions(int count) => Counted(count, "academic institution", "academic institutions");
    protected override string PrivateSectorEntities(int count) => Counted(count, "private sector entity", "private sector entities");
    protected override string OtherStakeholders(int count) => Counted(count, "other stakeholder", "other stakeholders");

    public override string SourceNote(ParticipationSource source) => source == ParticipationSource.Attendance
        ? "[Participation figures drawn from the attendance recorded on the day of the dialogue.]"
        : "[Draft prepared before the dialogue: the participation figures are those of the organizations admitted and the " +
          "representatives registered; they will be drawn from attendance once the dialogue has taken place.]";

    public override string? WrittenComments(string? url, ParticipationSource source) => string.IsNullOrWhiteSpace(url) ? null
        : $"The written comments submitted by participants {(source == ParticipationSource.Attendance ? "were" : "will be")} made available on the website ({url.Trim()}).";

    public override string Opening(IReadOnlyList<SummaryChair> chairs)
    {
        var (chair, coChairs) = Split(chairs);
        return chair.Count > 0 ? $"The Chair, {chair[0].Name.Trim()}, opened the dialogue."
            : coChairs.Count > 0 ? $"The co-chair, {coChairs[0].Name.Trim()}, opened the dialogue."
            : "The dialogue was opened.";
    }

    static string Under(int number, string title) => $"Under agenda item {number}, entitled “{title.Trim()}”,";

    protected override string Briefing(SummaryAgendaItem item) => $"{Under(item.Number, item.Title)} the secretariat provided a briefing.";

    protected override string Panel(int number, string title, int panellists, IReadOnlyList<string> organizations) =>
        panellists == 0 ? $"{Under(number, title)} a panel discussion was held."
            : $"{Under(number, title)} a panel discussion was held with {Counted(panellists, "panellist", "panellists")}, representing {List(organizations)}.";

    protected override string CollectionOfInputs(int number, string title, IReadOnlyList<SummarySpeaker> speakers)
    {
        var invited = $"{Under(number, title)} participants were invited to share their inputs and suggestions.";
        string Speaker(SummarySpeaker s) => s.OnBehalfOf.Count == 0 ? s.Organization.Trim() : $"{s.Organization.Trim()}, on behalf of {List(s.OnBehalfOf.Select(o => o.Trim()))}";
        return speakers.Count switch
        {
            0 => $"{invited} No statement was made.",
            1 => $"{invited} A statement was made by the representative of {Speaker(speakers[0])}.",
            _ => $"{invited} Statements were made by the representatives of the following organizations: {List(speakers.Select(Speaker))}.",
        };
    }

    protected override string Other(SummaryAgendaItem item) => $"Agenda item {item.Number}, entitled “{item.Title.Trim()}”, was considered.";

    public override string ToBeCompleted => "[Summary of the discussion to be completed by the secretariat.]";

    protected override string And(string next) => "and";
}
