namespace Accreditation.Registration.Domain.Programme.Summary;

/// <summary>
/// What the Chair's summary draft is written from: plain values read from the dialogue's programme,
/// its panels, speakers and attendance (or admissions), so the text is composed and tested without a
/// database. Names and titles are as the secretariat entered them; they are not translated.
/// </summary>
public sealed record ChairSummaryInput(
    DateOnly Date,
    string Venue,
    string Series,
    IReadOnlyList<SummaryWorkingGroup> WorkingGroups,
    IReadOnlyList<SummaryChair> Chairs,
    IReadOnlyList<SummaryAgendaItem> AgendaItems,
    SummaryParticipation Participation,
    string? WrittenCommentsUrl);

/// <param name="Session">As entered, e.g. "ninth session" or "9": an ordinal the draft recognises is written in each language.</param>
public sealed record SummaryWorkingGroup(string Name, string Session);

/// <summary>Named apart from the programme's own enums, so code mapping one to the other reads both without aliases.</summary>
public enum SummaryChairRole { Chair = 1, CoChair }

public sealed record SummaryChair(string Name, string Title, SummaryChairRole Role);

public enum SummaryItemKind { Briefing = 1, Panel, CollectionOfInputs, Other }

/// <param name="PanelOrganizations">The organization of each panellist who accepted, in the panel's order (an organization twice if two of its representatives sit on the panel).</param>
/// <param name="Speakers">Who took the floor, in the secretariat's order (only those marked as having spoken).</param>
public sealed record SummaryAgendaItem(
    int Number, string Title, SummaryItemKind Kind,
    IReadOnlyList<string> PanelOrganizations, IReadOnlyList<SummarySpeaker> Speakers);

/// <param name="OnBehalfOf">The organizations that confirmed the statement was made on their behalf.</param>
public sealed record SummarySpeaker(string Organization, IReadOnlyList<string> OnBehalfOf);

/// <summary>Where the participation figures come from: attendance once the dialogue is over, admissions before.</summary>
public enum ParticipationSource { Attendance = 1, Admissions }

/// <summary>
/// Organizations that took part (attendance) or were admitted (admissions), by category, and the
/// representatives who attended (or were registered) in person and online.
/// </summary>
public sealed record SummaryParticipation(
    ParticipationSource Source,
    int NonGovernmentalOrganizations,
    int AcademicInstitutions,
    int PrivateSectorEntities,
    int OtherStakeholders,
    int RepresentativesInPerson,
    int RepresentativesOnline)
{
    public int Organizations => NonGovernmentalOrganizations + AcademicInstitutions + PrivateSectorEntities + OtherStakeholders;
}
