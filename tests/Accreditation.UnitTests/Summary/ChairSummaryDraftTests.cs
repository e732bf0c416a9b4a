using Accreditation.Registration.Domain.Programme.Summary;
using static Accreditation.UnitTests.Summary.SummaryInputs;

namespace Accreditation.UnitTests.Summary;

public sealed class ChairSummaryDraftTests
{
    [Fact]
    public void The_draft_follows_the_published_structure_with_agenda_items_in_order()
    {
        var draft = ChairSummaryDraft.Write(Input(), SummaryLanguage.English);

        Assert.Equal("Chair's summary of the constructive dialogue held on 1 July 2022", draft.Title);
        Assert.Equal("2022 constructive dialogues. Draft prepared from the registration data, for the secretariat to complete.", draft.Subtitle);
        Assert.Equal(["I. Introduction", "II. Opening of the dialogue", "III. Briefing by the secretariat", "IV. Panel discussion", "V. Collection of inputs"], draft.Headings);
        var introduction = draft.Section("I. Introduction");
        Assert.StartsWith("Constructive dialogues with relevant stakeholders", introduction[0]);
        Assert.Contains("resolution 9/1", introduction[0]);
        Assert.StartsWith("The constructive dialogue was held in Vienna on 1 July 2022, following the ninth session", introduction[1]);
        Assert.StartsWith("The dialogue was chaired by Ms. Ana Ruiz", introduction[2]);
        Assert.StartsWith("Twenty-one non-governmental organizations", introduction[3]);
        Assert.StartsWith("[Participation figures drawn from the attendance", introduction[4]);
        Assert.StartsWith("The written comments submitted by participants were made available on the website (https://www.unodc.org/ngos/dialogues)", introduction[5]);
        Assert.Contains("representing La Strada International, Migrant Aid and Hope Foundation", draft.Section("IV. Panel discussion")[0]);
        Assert.Contains("Global Alliance, on behalf of Amnesty Network and Youth Forum", draft.Section("V. Collection of inputs")[0]);
        Assert.All(draft.Headings.Skip(1), h => Assert.Equal("[Summary of the discussion to be completed by the secretariat.]", draft.Section(h)[^1]));
    }

    [Fact]
    public void Paragraphs_are_numbered_throughout_and_drafting_notes_are_not()
    {
        var draft = ChairSummaryDraft.Write(Input(), SummaryLanguage.French);

        var paragraphs = draft.Blocks.OfType<SummaryParagraph>().ToList();
        Assert.Equal(Enumerable.Range(1, paragraphs.Count(p => p.Number is not null)), paragraphs.Where(p => p.Number is not null).Select(p => p.Number!.Value));
        Assert.All(paragraphs.Where(p => p.Number is null), p => Assert.StartsWith("[", p.Text));
    }

    [Fact]
    public void A_draft_without_chairs_or_website_leaves_those_paragraphs_out()
    {
        var input = Input() with { Chairs = [], WrittenCommentsUrl = null };

        var introduction = ChairSummaryDraft.Write(input, SummaryLanguage.Spanish).Section("I. Introducción");

        Assert.DoesNotContain(introduction, p => p.Contains("presidido"));
        Assert.DoesNotContain(introduction, p => p.Contains("sitio web"));
        Assert.Equal(["I. Introducción", "II. Apertura del diálogo"], ChairSummaryDraft.Write(input with { AgendaItems = [] }, SummaryLanguage.Spanish).Headings);
    }

    [Theory]
    [InlineData(null, SummaryLanguage.English)]
    [InlineData("en", SummaryLanguage.English)]
    [InlineData("FR", SummaryLanguage.French)]
    [InlineData("es", SummaryLanguage.Spanish)]
    public void The_language_is_chosen_by_its_code(string? code, SummaryLanguage language) =>
        Assert.Equal(language, SummaryLanguages.Parse(code));

    [Fact]
    public void An_unknown_language_is_refused_naming_the_field()
    {
        var error = Assert.Throws<Accreditation.ServiceDefaults.Errors.InvalidFieldException>(() => SummaryLanguages.Parse("de"));
        Assert.Contains("language", error.Field);
    }
}
