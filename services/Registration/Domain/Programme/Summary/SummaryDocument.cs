using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain.Programme.Summary;

/// <summary>The languages the draft is written in; the secretariat publishes its summaries in these three.</summary>
public enum SummaryLanguage { English = 1, French, Spanish }

public static class SummaryLanguages
{
    /// <summary>"en", "fr" or "es" (as the other language parameters take them); none means English.</summary>
    public static SummaryLanguage Parse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        null or "" or "en" => SummaryLanguage.English,
        "fr" => SummaryLanguage.French,
        "es" => SummaryLanguage.Spanish,
        _ => throw new InvalidFieldException("language", "must be one of en, fr, es",
            CommonReasons.LanguageNotSupported, ("allowed_values", "en, fr, es")),
    };

    public static string Code(this SummaryLanguage language) => language switch
    {
        SummaryLanguage.French => "fr",
        SummaryLanguage.Spanish => "es",
        _ => "en",
    };
}

/// <summary>A heading or a paragraph of the draft, in reading order.</summary>
public abstract record SummaryBlock(string Text);

public sealed record SummaryHeading(string Text) : SummaryBlock(Text);

/// <param name="Number">Paragraphs of UN documents are numbered throughout; a drafting note (in square brackets) is not.</param>
public sealed record SummaryParagraph(int? Number, string Text) : SummaryBlock(Text);

/// <summary>The draft: a title, a line under it (the series, and that this is a draft) and its blocks.</summary>
public sealed record SummaryDocument(SummaryLanguage Language, string Title, string Subtitle, IReadOnlyList<SummaryBlock> Blocks)
{
    /// <summary>The paragraphs under a heading, up to the next one (for readers and tests).</summary>
    public IReadOnlyList<string> Section(string heading) =>
        Blocks.SkipWhile(b => !(b is SummaryHeading && b.Text == heading)).Skip(1)
            .TakeWhile(b => b is not SummaryHeading).Select(b => b.Text).ToList();

    public IEnumerable<string> Headings => Blocks.OfType<SummaryHeading>().Select(h => h.Text);
}
