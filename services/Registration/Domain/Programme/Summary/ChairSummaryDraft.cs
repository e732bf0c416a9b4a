namespace Accreditation.Registration.Domain.Programme.Summary;

/// <summary>
/// The Chair's summary drafted from the data, in the structure the secretariat publishes:
/// I. Introduction (the mandate, where, when and after which sessions, who chaired, who took part,
/// where the written comments are published); II. Opening; then one section per agenda item in order
/// (briefing; panel with its panellists' organizations; collection of inputs naming who spoke and on
/// whose behalf). Under each section a bracketed note leaves the substance for the secretariat to write.
/// </summary>
public static class ChairSummaryDraft
{
    public static SummaryDocument Write(ChairSummaryInput input, SummaryLanguage language)
    {
        var phrases = SummaryPhrases.For(language);
        var blocks = new List<SummaryBlock>();
        var paragraph = 0;
        var section = 0;
        void Heading(string text) => blocks.Add(new SummaryHeading($"{SummaryPhrases.Roman(++section)}. {text}"));
        void Numbered(string? text)
        {
            if (text is not null)
                blocks.Add(new SummaryParagraph(++paragraph, text));
        }
        void Note(string text) => blocks.Add(new SummaryParagraph(null, text));

        Heading(phrases.IntroductionHeading);
        Numbered(phrases.Mandate);
        Numbered(phrases.Held(input.Date, input.Venue, input.WorkingGroups));
        Numbered(phrases.Chaired(input.Chairs));
        Numbered(phrases.Participation(input.Participation));
        Note(phrases.SourceNote(input.Participation.Source));
        Numbered(phrases.WrittenComments(input.WrittenCommentsUrl, input.Participation.Source));

        Heading(phrases.OpeningHeading);
        Numbered(phrases.Opening(input.Chairs));
        Note(phrases.ToBeCompleted);

        foreach (var item in input.AgendaItems.OrderBy(i => i.Number))
        {
            Heading(item.Title.Trim());
            Numbered(phrases.Item(item));
            Note(phrases.ToBeCompleted);
        }
        return new SummaryDocument(language, phrases.Title(input.Date), phrases.Subtitle(input.Series), blocks);
    }
}
