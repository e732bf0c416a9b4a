using Accreditation.Registration.Domain.Programme.Summary;
using static Accreditation.UnitTests.Summary.SummaryInputs;

namespace Accreditation.UnitTests.Summary;

public sealed class EnglishSummaryTests
{
    static readonly SummaryPhrases English = SummaryPhrases.For(SummaryLanguage.English);

    [Fact]
    public void One_working_group_is_followed_by_its_session()
    {
        Assert.Equal(
            "The constructive dialogue was held in Vienna on 1 July 2022, following the ninth session of the Working Group on Smuggling of Migrants.",
            English.Held(Date, "Vienna", [Smuggling]));
        Assert.Equal(
            "The constructive dialogue was held in Vienna on 1 July 2022, following the ninth session of the Working Group on Smuggling of Migrants.",
            English.Held(Date, "Vienna", [Smuggling with { Session = "9" }]));
    }

    [Fact]
    public void Two_working_groups_are_followed_by_their_sessions()
    {
        Assert.Equal(
            "The constructive dialogue was held in Vienna on 1 July 2022, following the sessions of the Working Group on International Cooperation " +
            "and the Working Group of Government Experts on Technical Assistance.",
            English.Held(Date, "Vienna", [Cooperation, TechnicalAssistance]));
    }

    [Fact]
    public void Participation_counts_each_category_in_words_with_the_modes_and_the_representatives()
    {
        Assert.Equal(
            "Twenty-one non-governmental organizations, five academic institutions and two private sector entities participated in the dialogue, online and in person. " +
            "In all, forty-two representatives attended, twenty-five in person and seventeen online.",
            English.Participation(Attended(21, 5, 2, inPerson: 25, online: 17)));
    }

    [Fact]
    public void Participation_without_academia_leaves_it_out()
    {
        var sentence = English.Participation(Attended(37, 0, 2, inPerson: 40));

        Assert.Equal(
            "Thirty-seven non-governmental organizations and two private sector entities participated in the dialogue, in person. " +
            "In all, forty representatives attended, all in person.",
            sentence);
        Assert.DoesNotContain("academic", sentence);
        Assert.DoesNotContain("zero", sentence);
    }

    [Fact]
    public void Participation_without_the_private_sector_leaves_it_out_and_one_is_singular()
    {
        var sentence = English.Participation(Attended(1, 1, 0, other: 1, online: 3));

        Assert.Equal(
            "One non-governmental organization, one academic institution and one other stakeholder participated in the dialogue, online. " +
            "In all, three representatives attended, all online.",
            sentence);
        Assert.DoesNotContain("private", sentence);
    }

    [Fact]
    public void One_organization_with_one_representative_is_singular_throughout()
    {
        Assert.Equal(
            "One non-governmental organization participated in the dialogue, in person. In all, one representative attended, in person.",
            English.Participation(Attended(1, inPerson: 1)));
    }

    [Fact]
    public void Before_the_dialogue_the_figures_are_admissions_and_the_draft_says_so()
    {
        Assert.Equal(
            "Twenty-one non-governmental organizations and one academic institution were admitted to participate in the dialogue, online and in person. " +
            "In all, thirty representatives were registered, twenty in person and ten online.",
            English.Participation(Admitted(21, 1, inPerson: 20, online: 10)));
        Assert.Equal(
            "One private sector entity was admitted to participate in the dialogue, online. In all, one representative was registered, online.",
            English.Participation(Admitted(0, 0, 1, online: 1)));
        Assert.StartsWith("[Draft prepared before the dialogue: the participation figures are those of the organizations admitted", English.SourceNote(ParticipationSource.Admissions));
        Assert.StartsWith("[Participation figures drawn from the attendance", English.SourceNote(ParticipationSource.Attendance));
    }

    [Fact]
    public void Nobody_taking_part_is_said_without_a_zero()
    {
        Assert.Equal("No non-governmental stakeholder participated in the dialogue.", English.Participation(Attended(0)));
        Assert.Equal("No non-governmental stakeholder was admitted to participate in the dialogue.", English.Participation(Admitted(0)));
    }

    [Fact]
    public void The_chair_and_co_chairs_are_named_with_their_titles()
    {
        Assert.Equal(
            "The dialogue was chaired by Ms. Ana Ruiz, Chair of the Working Group on Smuggling of Migrants, with Mr. Ivan Petrov, Vice-Chair of the Working Group, " +
            "and Ms. Imani Okoro, Chief, Civil Society Unit, UNODC, as co-chairs.",
            English.Chaired([Chair, FirstCoChair, SecondCoChair]));
        Assert.Equal(
            "The dialogue was chaired by Ms. Ana Ruiz, Chair of the Working Group on Smuggling of Migrants, with Mr. Ivan Petrov, Vice-Chair of the Working Group, as co-chair.",
            English.Chaired([Chair, FirstCoChair]));
        Assert.Equal("The dialogue was chaired by Ms. Ana Ruiz, Chair of the Working Group on Smuggling of Migrants.", English.Chaired([Chair]));
        Assert.Equal("The dialogue was co-chaired by Mr. Ivan Petrov and Ms. Imani Okoro.",
            English.Chaired([FirstCoChair with { Title = "" }, SecondCoChair with { Title = "" }]));
        Assert.Null(English.Chaired([]));
    }

    [Fact]
    public void Written_comments_are_said_to_be_on_the_website()
    {
        Assert.Equal("The written comments submitted by participants were made available on the website (https://www.unodc.org/ngos).",
            English.WrittenComments("https://www.unodc.org/ngos", ParticipationSource.Attendance));
        Assert.Equal("The written comments submitted by participants will be made available on the website (https://www.unodc.org/ngos).",
            English.WrittenComments("https://www.unodc.org/ngos", ParticipationSource.Admissions));
        Assert.Null(English.WrittenComments(null, ParticipationSource.Attendance));
    }

    [Fact]
    public void The_chair_opens_the_dialogue()
    {
        Assert.Equal("The Chair, Ms. Ana Ruiz, opened the dialogue.", English.Opening([FirstCoChair, Chair]));
        Assert.Equal("The co-chair, Mr. Ivan Petrov, opened the dialogue.", English.Opening([FirstCoChair]));
        Assert.Equal("The dialogue was opened.", English.Opening([]));
    }

    [Fact]
    public void A_briefing_is_by_the_secretariat()
    {
        Assert.Equal("Under agenda item 2, entitled “Briefing by the secretariat”, the secretariat provided a briefing.", English.Item(Briefing));
    }

    [Fact]
    public void A_panel_names_its_panellists_organizations_once_each()
    {
        Assert.Equal(
            "Under agenda item 3, entitled “Panel discussion”, a panel discussion was held with three panellists, representing La Strada International, Migrant Aid and Hope Foundation.",
            English.Item(Panel("La Strada International", "Migrant Aid", "Hope Foundation")));
        Assert.Equal(
            "Under agenda item 3, entitled “Panel discussion”, a panel discussion was held with two panellists, representing Migrant Aid.",
            English.Item(Panel("Migrant Aid", "Migrant Aid")));
        Assert.Equal("Under agenda item 3, entitled “Panel discussion”, a panel discussion was held.", English.Item(Panel()));
    }

    [Fact]
    public void The_collection_of_inputs_names_the_speakers_and_on_whose_behalf_they_spoke()
    {
        Assert.Equal(
            "Under agenda item 4, entitled “Collection of inputs”, participants were invited to share their inputs and suggestions. " +
            "Statements were made by the representatives of the following organizations: La Strada International; Global Alliance, on behalf of Amnesty Network and Youth Forum; " +
            "Institute for Security Studies; Migrant Aid; and Hope Foundation.",
            English.Item(Inputs(FiveSpeakers)));
        Assert.EndsWith("Statements were made by the representatives of the following organizations: Migrant Aid and Hope Foundation.",
            English.Item(Inputs(Speaker("Migrant Aid"), Speaker("Hope Foundation"))));
        Assert.EndsWith("A statement was made by the representative of Global Alliance, on behalf of Youth Forum.",
            English.Item(Inputs(Speaker("Global Alliance", "Youth Forum"))));
        Assert.EndsWith("No statement was made.", English.Item(Inputs()));
    }
}
