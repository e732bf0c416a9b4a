using Accreditation.Registration.Domain.Programme.Summary;
using static Accreditation.UnitTests.Summary.SummaryInputs;

namespace Accreditation.UnitTests.Summary;

public sealed class SpanishSummaryTests
{
    static readonly SummaryPhrases Spanish = SummaryPhrases.For(SummaryLanguage.Spanish);

    [Fact]
    public void One_working_group_is_followed_by_its_session()
    {
        Assert.Equal(
            "El diálogo constructivo se celebró en Viena el 1 de julio de 2022, tras el noveno período de sesiones del Grupo de Trabajo sobre el Tráfico Ilícito de Migrantes.",
            Spanish.Held(Date, "Vienna", [Smuggling]));
    }

    [Fact]
    public void Two_working_groups_are_followed_by_their_sessions()
    {
        Assert.Equal(
            "El diálogo constructivo se celebró en Viena el 1 de julio de 2022, tras los períodos de sesiones del Grupo de Trabajo sobre Cooperación Internacional " +
            "y del Grupo de Trabajo de Expertos Gubernamentales sobre Asistencia Técnica.",
            Spanish.Held(Date, "Vienna", [Cooperation, TechnicalAssistance]));
    }

    [Fact]
    public void Participation_counts_each_category_in_words_agreeing_with_its_noun()
    {
        Assert.Equal(
            "Participaron en el diálogo, en línea y de forma presencial, veintiuna organizaciones no gubernamentales, cinco instituciones académicas y dos entidades del sector privado. " +
            "En total, asistieron al diálogo cuarenta y dos representantes, veinticinco de forma presencial y diecisiete en línea.",
            Spanish.Participation(Attended(21, 5, 2, inPerson: 25, online: 17)));
        Assert.EndsWith(
            "En total, asistieron al diálogo veintiún representantes, once de forma presencial y diez en línea.",
            Spanish.Participation(Attended(12, inPerson: 11, online: 10)));
    }

    [Fact]
    public void Participation_without_academia_leaves_it_out()
    {
        var sentence = Spanish.Participation(Attended(37, 0, 2, inPerson: 40));

        Assert.Equal(
            "Participaron en el diálogo, de forma presencial, treinta y siete organizaciones no gubernamentales y dos entidades del sector privado. " +
            "En total, asistieron al diálogo cuarenta representantes, todos de forma presencial.",
            sentence);
        Assert.DoesNotContain("académica", sentence);
        Assert.DoesNotContain("cero", sentence);
    }

    [Fact]
    public void Participation_without_the_private_sector_leaves_it_out_and_one_is_singular()
    {
        var sentence = Spanish.Participation(Attended(1, 1, 0, other: 1, online: 3));

        Assert.Equal(
            "Participaron en el diálogo, en línea, una organización no gubernamental, una institución académica y una parte interesada de otro tipo. " +
            "En total, asistieron al diálogo tres representantes, todos en línea.",
            sentence);
        Assert.DoesNotContain("privado", sentence);
    }

    [Fact]
    public void One_organization_with_one_representative_is_singular_throughout()
    {
        Assert.Equal(
            "Participó en el diálogo, de forma presencial, una organización no gubernamental. En total, asistió al diálogo un representante, de forma presencial.",
            Spanish.Participation(Attended(1, inPerson: 1)));
    }

    [Fact]
    public void Before_the_dialogue_the_figures_are_admissions_and_the_draft_says_so()
    {
        Assert.Equal(
            "Se aprobó la participación en el diálogo, en línea y de forma presencial, de veintiuna organizaciones no gubernamentales y una institución académica. " +
            "En total, se inscribieron treinta representantes, veinte de forma presencial y diez en línea.",
            Spanish.Participation(Admitted(21, 1, inPerson: 20, online: 10)));
        Assert.Equal(
            "Se aprobó la participación en el diálogo, en línea, de una entidad del sector privado. En total, se inscribió un representante, en línea.",
            Spanish.Participation(Admitted(0, 0, 1, online: 1)));
        Assert.StartsWith("[Proyecto elaborado antes del diálogo: las cifras de participación corresponden a las organizaciones admitidas", Spanish.SourceNote(ParticipationSource.Admissions));
        Assert.StartsWith("[Cifras de participación extraídas de la asistencia", Spanish.SourceNote(ParticipationSource.Attendance));
    }

    [Fact]
    public void Nobody_taking_part_is_said_without_a_zero()
    {
        Assert.Equal("No participó en el diálogo ninguna parte interesada no gubernamental.", Spanish.Participation(Attended(0)));
        Assert.Equal("No se aprobó la participación en el diálogo de ninguna parte interesada no gubernamental.", Spanish.Participation(Admitted(0)));
    }

    [Fact]
    public void The_chair_and_co_chairs_are_named_with_their_titles()
    {
        var chair = Chair with { Name = "Sra. Ana Ruiz", Title = "Presidenta del Grupo de Trabajo" };
        var coChair = FirstCoChair with { Name = "Sr. Iván Petrov", Title = "Vicepresidente del Grupo de Trabajo" };
        var secondCoChair = SecondCoChair with { Name = "Sra. Imani Okoro", Title = "Jefa de la Dependencia de la Sociedad Civil, UNODC" };

        Assert.Equal(
            "El diálogo estuvo presidido por Sra. Ana Ruiz, Presidenta del Grupo de Trabajo, y copresidido por " +
            "Sr. Iván Petrov, Vicepresidente del Grupo de Trabajo, y Sra. Imani Okoro, Jefa de la Dependencia de la Sociedad Civil, UNODC.",
            Spanish.Chaired([chair, coChair, secondCoChair]));
        Assert.Equal("El diálogo estuvo copresidido por Sr. Iván Petrov e Imani Okoro.",
            Spanish.Chaired([coChair with { Title = "" }, secondCoChair with { Name = "Imani Okoro", Title = "" }]));
    }

    [Fact]
    public void Written_comments_are_said_to_be_on_the_website()
    {
        Assert.Equal("Las observaciones por escrito presentadas por los participantes se pusieron a disposición en el sitio web (https://www.unodc.org/ngos).",
            Spanish.WrittenComments("https://www.unodc.org/ngos", ParticipationSource.Attendance));
        Assert.Equal("Las observaciones por escrito presentadas por los participantes se pondrán a disposición en el sitio web (https://www.unodc.org/ngos).",
            Spanish.WrittenComments("https://www.unodc.org/ngos", ParticipationSource.Admissions));
    }

    [Fact]
    public void The_chair_opens_the_dialogue()
    {
        Assert.Equal("Sra. Ana Ruiz, quien ocupaba la Presidencia, declaró abierto el diálogo.", Spanish.Opening([Chair with { Name = "Sra. Ana Ruiz" }]));
        Assert.Equal("Se declaró abierto el diálogo.", Spanish.Opening([]));
    }

    [Fact]
    public void A_briefing_is_by_the_secretariat()
    {
        Assert.Equal("En relación con el tema 2 del programa, titulado “Exposición informativa de la secretaría”, la secretaría ofreció una exposición informativa.",
            Spanish.Item(Briefing with { Title = "Exposición informativa de la secretaría" }));
    }

    [Fact]
    public void A_panel_names_its_panellists_organizations_once_each()
    {
        Assert.Equal(
            "En relación con el tema 3 del programa, titulado “Mesa redonda”, se celebró una mesa redonda con tres ponentes, en representación de " +
            "La Strada International, Migrant Aid y Hope Foundation.",
            Spanish.Item(Panel("La Strada International", "Migrant Aid", "Hope Foundation") with { Title = "Mesa redonda" }));
        Assert.EndsWith("con dos ponentes, en representación de Migrant Aid e Instituto de Estudios de Seguridad.",
            Spanish.Item(Panel("Migrant Aid", "Instituto de Estudios de Seguridad")));
    }

    [Fact]
    public void The_collection_of_inputs_names_the_speakers_and_on_whose_behalf_they_spoke()
    {
        Assert.Equal(
            "En relación con el tema 4 del programa, titulado “Recopilación de aportaciones”, se invitó a los participantes a compartir sus aportaciones y sugerencias. " +
            "Formularon declaraciones los representantes de las siguientes organizaciones: La Strada International; Global Alliance, en nombre de Amnesty Network y Youth Forum; " +
            "Institute for Security Studies; Migrant Aid; y Hope Foundation.",
            Spanish.Item(Inputs(FiveSpeakers) with { Title = "Recopilación de aportaciones" }));
        Assert.EndsWith("Formuló una declaración el representante de la siguiente organización: Migrant Aid.", Spanish.Item(Inputs(Speaker("Migrant Aid"))));
        Assert.EndsWith("No se formularon declaraciones.", Spanish.Item(Inputs()));
    }
}
