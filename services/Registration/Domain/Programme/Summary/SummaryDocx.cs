using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Accreditation.Registration.Domain.Programme.Summary;

/// <summary>
/// The draft as a Word document (Open XML SDK): a title and subtitle, headings styled as Word
/// headings (so the navigation pane and a table of contents see them), numbered paragraphs, drafting
/// notes in italics, and the document's language set so Word checks the right spelling.
/// </summary>
public static class SummaryDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(SummaryDocument document)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = document.Title;
            word.PackageProperties.Language = Culture(document.Language);
            var main = word.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = Styles(Culture(document.Language));
            var body = new Body();
            body.Append(Styled("Title", document.Title));
            body.Append(Styled("Subtitle", document.Subtitle));
            foreach (var block in document.Blocks)
                body.Append(block switch
                {
                    SummaryHeading heading => Styled("Heading1", heading.Text),
                    SummaryParagraph { Number: { } number } numbered => Numbered(number, numbered.Text),
                    _ => Note(block.Text),
                });
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    static string Culture(SummaryLanguage language) => language switch
    {
        SummaryLanguage.French => "fr-FR",
        SummaryLanguage.Spanish => "es-ES",
        _ => "en-GB",
    };

    static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>"1.", a tab, the text: numbered as UN documents are, editable without a numbering definition to break.</summary>
    static Paragraph Numbered(int number, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "Normal" }),
            new Run(new Text($"{number}."), new TabChar(), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>A drafting note, in italics, aligned with the numbered paragraphs' text.</summary>
    static Paragraph Note(string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "Normal" }, new Indentation { Left = "567", Hanging = "0" }),
            new Run(new RunProperties(new Italic()), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    static Styles Styles(string culture)
    {
        Style ParagraphStyle(string id, string name, int halfPoints, bool bold, int? outline = null, string? basedOn = "Normal")
        {
            // Children in the schema's order: Word refuses a document whose elements are out of it.
            var paragraph = new StyleParagraphProperties();
            if (outline is not null)
                paragraph.Append(new KeepNext());
            paragraph.Append(new SpacingBetweenLines { Before = "240", After = "120" }, new Indentation { Left = "0", Hanging = "0" });
            if (outline is { } level)
                paragraph.Append(new OutlineLevel { Val = level });
            var run = new StyleRunProperties(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            if (bold)
                run.PrependChild(new Bold());
            var style = new Style(new StyleName { Val = name }, new PrimaryStyle(), paragraph, run)
            {
                Type = StyleValues.Paragraph,
                StyleId = id,
            };
            if (basedOn is not null)
                style.InsertAfter(new BasedOn { Val = basedOn }, style.GetFirstChild<StyleName>());
            return style;
        }
        var normal = new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "120" }, new Indentation { Left = "567", Hanging = "567" }))
        {
            Type = StyleValues.Paragraph,
            StyleId = "Normal",
            Default = true,
        };
        return new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman" },
                new FontSize { Val = "22" },
                new Languages { Val = culture }))),
            normal,
            ParagraphStyle("Title", "Title", 32, bold: true),
            ParagraphStyle("Subtitle", "Subtitle", 22, bold: false),
            ParagraphStyle("Heading1", "heading 1", 24, bold: true, outline: 0));
    }
}
