using Accreditation.Registration.Domain.Programme.Summary;

namespace Accreditation.UnitTests.Summary;

/// <summary>Inputs of the Chair's summary tests, after the 2022 and 2023 dialogues.</summary>
static class SummaryInputs
{
    public static readonly DateOnly Date = new(2022, 7, 1);

    public static readonly SummaryWorkingGroup Smuggling = new("Working Group on Smuggling of Migrants", "ninth session");
    public static readonly SummaryWorkingGroup Cooperation = new("Working Group on International Cooperation", "thirteenth session");
    public static readonly SummaryWorkingGroup TechnicalAssistance = new("Working Group of Government Experts on Technical Assistance", "fourteenth session");

    public static readonly SummaryChair Chair = new("Ms. Ana Ruiz", "Chair of the Working Group on Smuggling of Migrants", SummaryChairRole.Chair);
    public static readonly SummaryChair FirstCoChair = new("Mr. Ivan Petrov", "Vice-Chair of the Working Group", SummaryChairRole.CoChair);
    public static readonly SummaryChair SecondCoChair = new("Ms. Imani Okoro", "Chief, Civil Society Unit, UNODC", SummaryChairRole.CoChair);

    public static SummaryParticipation Attended(int ngos, int academia = 0, int privateSector = 0, int other = 0, int inPerson = 0, int online = 0) =>
        new(ParticipationSource.Attendance, ngos, academia, privateSector, other, inPerson, online);

    public static SummaryParticipation Admitted(int ngos, int academia = 0, int privateSector = 0, int other = 0, int inPerson = 0, int online = 0) =>
        new(ParticipationSource.Admissions, ngos, academia, privateSector, other, inPerson, online);

    public static SummaryAgendaItem Briefing { get; } = new(2, "Briefing by the secretariat", SummaryItemKind.Briefing, [], []);

    public static SummaryAgendaItem Panel(params string[] organizations) =>
        new(3, "Panel discussion", SummaryItemKind.Panel, organizations, []);

    public static SummaryAgendaItem Inputs(params SummarySpeaker[] speakers) =>
        new(4, "Collection of inputs", SummaryItemKind.CollectionOfInputs, [], speakers);

    public static SummarySpeaker Speaker(string organization, params string[] onBehalfOf) => new(organization, onBehalfOf);

    /// <summary>Five speakers, the second on behalf of two others.</summary>
    public static readonly SummarySpeaker[] FiveSpeakers =
    [
        Speaker("La Strada International"),
        Speaker("Global Alliance", "Amnesty Network", "Youth Forum"),
        Speaker("Institute for Security Studies"),
        Speaker("Migrant Aid"),
        Speaker("Hope Foundation"),
    ];

    public static ChairSummaryInput Input(SummaryParticipation? participation = null, params SummaryWorkingGroup[] groups) => new(
        Date, "Vienna", "2022 constructive dialogues",
        groups.Length == 0 ? [Smuggling] : groups,
        [Chair, FirstCoChair, SecondCoChair],
        [Inputs(FiveSpeakers), Briefing, Panel("La Strada International", "Migrant Aid", "Hope Foundation")],
        participation ?? Attended(21, 5, 2, inPerson: 25, online: 17),
        "https://www.unodc.org/ngos/dialogues");
}
