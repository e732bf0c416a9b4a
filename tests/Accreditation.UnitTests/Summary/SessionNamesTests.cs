using Accreditation.Registration.Domain.Programme.Summary;

namespace Accreditation.UnitTests.Summary;

public sealed class SessionNamesTests
{
    [Theory]
    [InlineData("ninth session", 9)]
    [InlineData("Ninth Session", 9)]
    [InlineData("9th session", 9)]
    [InlineData("9", 9)]
    [InlineData("session 12", 12)]
    [InlineData("twenty-first session", 21)]
    [InlineData("resumed session", null)]
    [InlineData("", null)]
    public void A_session_number_is_read_from_what_the_secretariat_typed(string session, int? number) =>
        Assert.Equal(number, SessionNames.Number(session));

    [Theory]
    [InlineData(1, "first", "première", "primer")]
    [InlineData(3, "third", "troisième", "tercer")]
    [InlineData(5, "fifth", "cinquième", "quinto")]
    [InlineData(9, "ninth", "neuvième", "noveno")]
    [InlineData(11, "eleventh", "onzième", "undécimo")]
    [InlineData(12, "twelfth", "douzième", "duodécimo")]
    [InlineData(13, "thirteenth", "treizième", "decimotercer")]
    [InlineData(18, "eighteenth", "dix-huitième", "decimoctavo")]
    [InlineData(20, "twentieth", "vingtième", "vigésimo")]
    [InlineData(21, "twenty-first", "vingt et unième", "vigésimo primer")]
    [InlineData(80, "eightieth", "quatre-vingtième", null)]
    public void Session_ordinals_are_written_in_each_language(int number, string english, string french, string? spanish)
    {
        Assert.Equal(english, SessionNames.EnglishOrdinal(number));
        Assert.Equal(french, SessionNames.FrenchOrdinal(number));
        Assert.Equal(spanish, SessionNames.SpanishOrdinal(number));
    }

    [Theory]
    [InlineData("Working Group on the Smuggling of Migrants", "Groupe de travail sur le trafic illicite de migrants", "Grupo de Trabajo sobre el Tráfico Ilícito de Migrantes")]
    [InlineData("Working Group on Trafficking in Persons", "Groupe de travail sur la traite des personnes", "Grupo de Trabajo sobre la Trata de Personas")]
    [InlineData("Working Group on International Cooperation", "Groupe de travail sur la coopération internationale", "Grupo de Trabajo sobre Cooperación Internacional")]
    [InlineData("Working Group of Government Experts on Technical Assistance", "Groupe de travail d'experts gouvernementaux sur l'assistance technique", "Grupo de Trabajo de Expertos Gubernamentales sobre Asistencia Técnica")]
    [InlineData("Working Group on Cybercrime", "Working Group on Cybercrime", "Working Group on Cybercrime")]
    public void The_conferences_working_groups_are_named_as_its_documents_name_them_and_others_as_entered(string english, string french, string spanish)
    {
        Assert.Equal(english, SessionNames.WorkingGroup(english, SummaryLanguage.English));
        Assert.Equal(french, SessionNames.WorkingGroup(english, SummaryLanguage.French));
        Assert.Equal(spanish, SessionNames.WorkingGroup(english, SummaryLanguage.Spanish));
    }

    [Theory]
    [InlineData(2022, 7, 1, "1 July 2022", "1er juillet 2022", "1 de julio de 2022")]
    [InlineData(2023, 6, 2, "2 June 2023", "2 juin 2023", "2 de junio de 2023")]
    public void Dates_are_written_in_each_language(int year, int month, int day, string english, string french, string spanish)
    {
        var date = new DateOnly(year, month, day);
        Assert.Equal(english, SessionNames.Date(date, SummaryLanguage.English));
        Assert.Equal(french, SessionNames.Date(date, SummaryLanguage.French));
        Assert.Equal(spanish, SessionNames.Date(date, SummaryLanguage.Spanish));
    }
}
