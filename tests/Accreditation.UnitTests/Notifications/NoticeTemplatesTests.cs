using System.Text.RegularExpressions;
using Accreditation.Notifications.Domain;

namespace Accreditation.UnitTests.Notifications;

public sealed class NoticeTemplatesTests
{
    static readonly NoticeTemplates Templates = NoticeTemplates.Embedded;

    public static TheoryData<string, string> KindsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in NoticeKinds.All)
            foreach (var language in NoticeTemplates.Languages)
                data.Add(kind, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public void Every_kind_has_a_template_in_english_french_and_spanish(string kind, string language)
    {
        Assert.True(Templates.Has(language, kind), $"Templates/{language}/{kind}.txt is missing");
    }

    [Fact]
    public void Every_notice_of_every_event_renders_in_every_language_without_leftover_placeholders()
    {
        foreach (var (_, draft) in SampleEvents.AllDrafts())
            foreach (var language in NoticeTemplates.Languages)
            {
                var rendered = Templates.Render(draft, language);
                Assert.Equal(language, rendered.Language);
                Assert.False(string.IsNullOrWhiteSpace(rendered.Subject), $"{draft.Kind}/{language} has no subject");
                Assert.False(string.IsNullOrWhiteSpace(rendered.Body), $"{draft.Kind}/{language} has no body");
                Assert.DoesNotMatch(new Regex(@"\{[A-Za-z]+\}|\?\{"), rendered.Subject + rendered.Body);
                Assert.DoesNotContain("\n\n\n", rendered.Body);
            }
    }

    [Fact]
    public void French_and_spanish_templates_are_translations_not_copies_of_english()
    {
        foreach (var (_, draft) in SampleEvents.AllDrafts())
        {
            var english = Templates.Render(draft, "en");
            Assert.NotEqual(english.Body, Templates.Render(draft, "fr").Body);
            Assert.NotEqual(english.Body, Templates.Render(draft, "es").Body);
        }
        var admitted = SampleEvents.AllDrafts().First(d => d.Draft.Kind == NoticeKinds.ApplicationAdmitted).Draft;
        Assert.Contains("admise", Templates.Render(admitted, "fr").Body);
        Assert.Contains("admitida", Templates.Render(admitted, "es").Body);
    }

    [Fact]
    public void Only_known_kinds_have_templates()
    {
        var embedded = typeof(NoticeTemplates).Assembly.GetManifestResourceNames()
            .Select(n => n.Replace('\\', '/'))
            .Where(n => n.StartsWith("Templates/", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(NoticeKinds.All.Count * NoticeTemplates.Languages.Count, embedded.Count);
        Assert.All(embedded, name => Assert.Contains(Path.GetFileNameWithoutExtension(name), NoticeKinds.All));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("")]
    [InlineData(null)]
    public void A_language_without_templates_falls_back_to_english(string? language)
    {
        var draft = SampleEvents.AllDrafts().First().Draft;
        var rendered = Templates.Render(draft, language);
        Assert.Equal("en", rendered.Language);
        Assert.Equal(Templates.Render(draft, "en"), rendered);
    }

    [Theory]
    [InlineData("fr-CA", "fr")]
    [InlineData("ES", "es")]
    [InlineData("es_MX", "es")]
    public void A_regional_language_uses_its_base_language(string language, string used)
    {
        Assert.Equal(used, Templates.Render(SampleEvents.AllDrafts().First().Draft, language).Language);
    }

    [Fact]
    public void A_kind_not_yet_translated_falls_back_to_english()
    {
        var templates = new NoticeTemplates(
        [
            new(("en", "greeting"), "Hello {Name}\nWelcome, {Name}."),
            new(("fr", "other"), "Autre\nAutre."),
        ]);
        var rendered = templates.Render("greeting", "fr", new Dictionary<string, string> { ["Name"] = "Ana" });
        Assert.Equal(new RenderedNotice("en", "Hello Ana", "Welcome, Ana."), rendered);
    }

    [Fact]
    public void The_first_line_is_the_subject_and_the_rest_the_body()
    {
        var templates = new NoticeTemplates([new(("en", "k"), "Subject {A}\r\n\r\nLine one {A}.\r\nLine two.\r\n")]);
        var rendered = templates.Render("k", "en", new Dictionary<string, string> { ["A"] = "x" });
        Assert.Equal("Subject x", rendered.Subject);
        Assert.Equal("Line one x.\nLine two.", rendered.Body);
    }

    [Fact]
    public void A_conditional_line_appears_only_when_its_flag_is_set()
    {
        var templates = new NoticeTemplates([new(("en", "k"), "S\nFirst.\n?{Flag}Only with the flag.\n\nLast.")]);
        Assert.Equal("First.\nOnly with the flag.\n\nLast.", templates.Render("k", "en", new Dictionary<string, string> { ["Flag"] = "true" }).Body);
        Assert.Equal("First.\n\nLast.", templates.Render("k", "en", new Dictionary<string, string> { ["Flag"] = "" }).Body);
        Assert.Equal("First.\n\nLast.", templates.Render("k", "en", new Dictionary<string, string>()).Body);
    }

    [Fact]
    public void A_placeholder_without_a_value_is_an_error_not_a_blank()
    {
        var templates = new NoticeTemplates([new(("en", "k"), "S\nHello {Missing}.")]);
        var error = Assert.Throws<InvalidOperationException>(() => templates.Render("k", "en", new Dictionary<string, string>()));
        Assert.Contains("{Missing}", error.Message);
    }

    [Fact]
    public void A_value_that_looks_like_a_placeholder_is_shown_as_is()
    {
        var templates = new NoticeTemplates([new(("en", "k"), "S\n{A} and {B}")]);
        var rendered = templates.Render("k", "en", new Dictionary<string, string> { ["A"] = "{B}", ["B"] = "b" });
        Assert.Equal("{B} and b", rendered.Body);
    }

    [Fact]
    public void An_unknown_kind_is_an_error()
    {
        Assert.Throws<InvalidOperationException>(() => Templates.Render("no-such-kind", "en", new Dictionary<string, string>()));
    }
}
