using Accreditation.Registration.Domain.Programme.Summary;
using static Accreditation.UnitTests.Summary.SummaryInputs;

namespace Accreditation.UnitTests.Summary;

public sealed class FrenchSummaryTests
{
    static readonly SummaryPhrases French = SummaryPhrases.For(SummaryLanguage.French);

    /// <summary>The non-breaking space French sets before ":" and ";" and inside « ».</summary>
    const string S = "\u00A0";

    [Fact]
    public void One_working_group_is_followed_by_its_session()
    {
        Assert.Equal(
            "Le dialogue constructif s'est tenu à Vienne le 1er juillet 2022, à l'issue de la neuvième session du Groupe de travail sur le trafic illicite de migrants.",
            French.Held(Date, "Vienna", [Smuggling]));
        Assert.Equal(
            "Le dialogue constructif s'est tenu à Vienne le 1er juillet 2022, à l'issue de la session du Groupe de travail sur le trafic illicite de migrants.",
            French.Held(Date, "Vienna", [Smuggling with { Session = "resumed session" }]));
    }

    [Fact]
    public void Two_working_groups_are_followed_by_their_sessions()
    {
        Assert.Equal(
            "Le dialogue constructif s'est tenu à Vienne le 1er juillet 2022, à l'issue des sessions du Groupe de travail sur la coopération internationale " +
            "et du Groupe de travail d'experts gouvernementaux sur l'assistance technique.",
            French.Held(Date, "Vienna", [Cooperation, TechnicalAssistance]));
    }

    [Fact]
    public void Participation_counts_each_category_in_words_agreeing_with_its_noun()
    {
        Assert.Equal(
            "Vingt et une organisations non gouvernementales, cinq établissements universitaires et deux entités du secteur privé ont participé au dialogue, en ligne et en présentiel. " +
            "Au total, quarante-deux représentants ont assisté au dialogue, dont vingt-cinq en présentiel et dix-sept en ligne.",
            French.Participation(Attended(21, 5, 2, inPerson: 25, online: 17)));
        Assert.StartsWith(
            "Quatre-vingts organisations non gouvernementales et vingt et un établissements universitaires ont participé au dialogue, en présentiel. " +
            "Au total, quatre-vingt-un représentants ont assisté au dialogue, tous en présentiel.",
            French.Participation(Attended(80, 21, inPerson: 81)));
    }

    [Fact]
    public void Participation_without_academia_leaves_it_out()
    {
        var sentence = French.Participation(Attended(37, 0, 2, inPerson: 40));

        Assert.Equal(
            "Trente-sept organisations non gouvernementales et deux entités du secteur privé ont participé au dialogue, en présentiel. " +
            "Au total, quarante représentants ont assisté au dialogue, tous en présentiel.",
            sentence);
        Assert.DoesNotContain("universitaire", sentence);
        Assert.DoesNotContain("zéro", sentence);
    }

    [Fact]
    public void Participation_without_the_private_sector_leaves_it_out_and_one_is_singular()
    {
        var sentence = French.Participation(Attended(1, 1, 0, other: 1, online: 3));

        Assert.Equal(
            "Une organisation non gouvernementale, un établissement universitaire et une autre partie prenante ont participé au dialogue, en ligne. " +
            "Au total, trois représentants ont assisté au dialogue, tous en ligne.",
            sentence);
        Assert.DoesNotContain("privé", sentence);
    }

    [Fact]
    public void One_organization_with_one_representative_is_singular_throughout()
    {
        Assert.Equal(
            "Une organisation non gouvernementale a participé au dialogue, en présentiel. Au total, un représentant a assisté au dialogue, en présentiel.",
            French.Participation(Attended(1, inPerson: 1)));
    }

    [Fact]
    public void Before_the_dialogue_the_figures_are_admissions_and_the_draft_says_so()
    {
        Assert.Equal(
            "La participation au dialogue, en ligne et en présentiel, de vingt et une organisations non gouvernementales et un établissement universitaire a été approuvée. " +
            "Au total, trente représentants étaient inscrits, dont vingt en présentiel et dix en ligne.",
            French.Participation(Admitted(21, 1, inPerson: 20, online: 10)));
        Assert.Equal(
            "La participation au dialogue, en ligne, d'une entité du secteur privé a été approuvée. Au total, un représentant était inscrit, en ligne.",
            French.Participation(Admitted(0, 0, 1, online: 1)));
        Assert.StartsWith($"[Projet établi avant le dialogue{S}: les chiffres de participation sont ceux des organisations admises", French.SourceNote(ParticipationSource.Admissions));
        Assert.StartsWith("[Chiffres de participation tirés des présences", French.SourceNote(ParticipationSource.Attendance));
    }

    [Fact]
    public void Nobody_taking_part_is_said_without_a_zero()
    {
        Assert.Equal("Aucune partie prenante non gouvernementale n'a participé au dialogue.", French.Participation(Attended(0)));
        Assert.Equal("Aucune partie prenante non gouvernementale n'a été admise à participer au dialogue.", French.Participation(Admitted(0)));
    }

    [Fact]
    public void The_chair_and_co_chairs_are_named_with_their_titles()
    {
        var chair = Chair with { Name = "Mme Ana Ruiz", Title = "Présidente du Groupe de travail" };
        var coChair = FirstCoChair with { Name = "M. Ivan Petrov", Title = "Vice-Président du Groupe de travail" };
        var secondCoChair = SecondCoChair with { Name = "Mme Imani Okoro", Title = "Cheffe du Groupe de la société civile, ONUDC" };

        Assert.Equal(
            "Le dialogue a été présidé par Mme Ana Ruiz, Présidente du Groupe de travail, la coprésidence étant assurée par " +
            "M. Ivan Petrov, Vice-Président du Groupe de travail, et Mme Imani Okoro, Cheffe du Groupe de la société civile, ONUDC.",
            French.Chaired([chair, coChair, secondCoChair]));
        Assert.Equal("Le dialogue a été présidé par Mme Ana Ruiz, Présidente du Groupe de travail.", French.Chaired([chair]));
        Assert.Equal("Le dialogue a été coprésidé par M. Ivan Petrov et Mme Imani Okoro.",
            French.Chaired([coChair with { Title = "" }, secondCoChair with { Title = "" }]));
    }

    [Fact]
    public void Written_comments_are_said_to_be_on_the_website()
    {
        Assert.Equal("Les observations écrites soumises par les participants ont été mises à disposition sur le site Web (https://www.unodc.org/ngos).",
            French.WrittenComments("https://www.unodc.org/ngos", ParticipationSource.Attendance));
        Assert.Equal("Les observations écrites soumises par les participants seront mises à disposition sur le site Web (https://www.unodc.org/ngos).",
            French.WrittenComments("https://www.unodc.org/ngos", ParticipationSource.Admissions));
    }

    [Fact]
    public void The_chair_opens_the_dialogue()
    {
        Assert.Equal("Mme Ana Ruiz, qui assurait la présidence, a ouvert le dialogue.", French.Opening([Chair with { Name = "Mme Ana Ruiz" }]));
        Assert.Equal("Le dialogue a été ouvert.", French.Opening([]));
    }

    [Fact]
    public void A_briefing_is_by_the_secretariat()
    {
        Assert.Equal($"Au titre du point 2 de l'ordre du jour, intitulé «{S}Exposé du secrétariat{S}», le secrétariat a présenté un exposé.",
            French.Item(Briefing with { Title = "Exposé du secrétariat" }));
    }

    [Fact]
    public void A_panel_names_its_panellists_organizations_once_each()
    {
        Assert.Equal(
            $"Au titre du point 3 de l'ordre du jour, intitulé «{S}Réunion-débat{S}», une réunion-débat s'est tenue avec trois intervenants représentant " +
            "La Strada International, Migrant Aid et Hope Foundation.",
            French.Item(Panel("La Strada International", "Migrant Aid", "Hope Foundation") with { Title = "Réunion-débat" }));
        Assert.EndsWith("une réunion-débat s'est tenue avec un intervenant représentant Migrant Aid.", French.Item(Panel("Migrant Aid")));
    }

    [Fact]
    public void The_collection_of_inputs_names_the_speakers_and_on_whose_behalf_they_spoke()
    {
        Assert.Equal(
            $"Au titre du point 4 de l'ordre du jour, intitulé «{S}Recueil des contributions{S}», les participants ont été invités à faire part de leurs contributions et suggestions. " +
            $"Des déclarations ont été faites par les représentants des organisations suivantes{S}: La Strada International{S}; Global Alliance, au nom d'Amnesty Network et de Youth Forum{S}; " +
            $"Institute for Security Studies{S}; Migrant Aid{S}; et Hope Foundation.",
            French.Item(Inputs(FiveSpeakers) with { Title = "Recueil des contributions" }));
        Assert.EndsWith($"Une déclaration a été faite par le représentant de l'organisation suivante{S}: Migrant Aid.", French.Item(Inputs(Speaker("Migrant Aid"))));
        Assert.EndsWith("Aucune déclaration n'a été faite.", French.Item(Inputs()));
    }
}
