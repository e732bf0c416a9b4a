using Accreditation.Registration.Domain.Programme.Summary;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using static Accreditation.UnitTests.Summary.SummaryInputs;

namespace Accreditation.UnitTests.Summary;

public sealed class SummaryDocxTests
{
    static List<(string? Style, string Text)> Paragraphs(WordprocessingDocument word) =>
        word.MainDocumentPart!.Document.Body!.Elements<Paragraph>()
            .Select(p => (p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, string.Concat(p.Descendants().Select(e => e switch
            {
                Text t => t.Text,
                TabChar => "\t",
                _ => "",
            })))).ToList();

    [Theory]
    [InlineData(SummaryLanguage.English)]
    [InlineData(SummaryLanguage.French)]
    [InlineData(SummaryLanguage.Spanish)]
    public void The_document_opens_in_word_and_reads_back_as_the_draft(SummaryLanguage language)
    {
        var draft = ChairSummaryDraft.Write(Input(), language);

        var bytes = SummaryDocx.Write(draft);

        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(word));
        var paragraphs = Paragraphs(word);
        Assert.Equal(("Title", draft.Title), paragraphs[0]);
        Assert.Equal(("Subtitle", draft.Subtitle), paragraphs[1]);
        Assert.Equal(draft.Headings, paragraphs.Where(p => p.Style == "Heading1").Select(p => p.Text));
        Assert.Equal(
            draft.Blocks.Select(b => b is SummaryParagraph { Number: { } n } ? $"{n}.\t{b.Text}" : b.Text),
            paragraphs.Skip(2).Select(p => p.Text));
        Assert.Equal(draft.Title, word.PackageProperties.Title);
    }

    [Fact]
    public void Headings_are_word_headings_and_the_text_is_in_the_documents_language()
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(SummaryDocx.Write(ChairSummaryDraft.Write(Input(), SummaryLanguage.French))), false);

        var styles = word.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        var heading = styles.Elements<Style>().Single(s => s.StyleId == "Heading1");
        Assert.Equal("heading 1", heading.StyleName!.Val!.Value);
        Assert.Equal(0, heading.StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal("fr-FR", styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.GetFirstChild<Languages>()!.Val!.Value);
        var text = string.Join('\n', Paragraphs(word).Select(p => p.Text));
        Assert.Contains("Vingt et une organisations non gouvernementales, cinq établissements universitaires et deux entités du secteur privé ont participé", text);
        Assert.Contains("la coprésidence étant assurée par", text);
    }
}
