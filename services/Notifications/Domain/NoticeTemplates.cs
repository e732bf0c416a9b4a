using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Accreditation.Notifications.Domain;

/// <summary>A notice rendered in a language: what the recipient reads.</summary>
public sealed record RenderedNotice(string Language, string Subject, string Body);

/// <summary>
/// The notice templates, one per kind and language (Templates/{lang}/{kind}.txt, embedded):
/// the first line is the subject, the rest the body. <c>{Name}</c> is replaced by the value of
/// Name; a line starting with <c>?{Flag}</c> is kept (without the marker) only when Flag has a
/// value other than "" or "false". A language without the template falls back to English.
/// </summary>
public sealed partial class NoticeTemplates
{
    public const string DefaultLanguage = "en";
    public static IReadOnlyList<string> Languages { get; } = ["en", "fr", "es"];
    const string ResourcePrefix = "Templates/";

    readonly Dictionary<(string Language, string Kind), string> _templates;

    public NoticeTemplates(IEnumerable<KeyValuePair<(string Language, string Kind), string>> templates) =>
        _templates = templates.ToDictionary(t => (t.Key.Language.ToLowerInvariant(), t.Key.Kind), t => t.Value);

    /// <summary>The templates embedded in this assembly.</summary>
    public static NoticeTemplates Embedded { get; } = FromAssembly(typeof(NoticeTemplates).Assembly);

    public static NoticeTemplates FromAssembly(Assembly assembly)
    {
        var templates = new List<KeyValuePair<(string, string), string>>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            // "Templates/{lang}/{kind}.txt" (the separator may be '\' when built on Windows).
            var path = name.Replace('\\', '/');
            if (!path.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !path.EndsWith(".txt", StringComparison.Ordinal))
                continue;
            var parts = path[ResourcePrefix.Length..^".txt".Length].Split('/');
            if (parts.Length != 2)
                continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            templates.Add(new((parts[0], parts[1]), reader.ReadToEnd()));
        }
        return new NoticeTemplates(templates);
    }

    public bool Has(string language, string kind) => _templates.ContainsKey((language.ToLowerInvariant(), kind));

    /// <summary>The language a notice in <paramref name="language"/> is rendered in: itself, its primary subtag ("fr-CA" → "fr"), or English.</summary>
    public string LanguageFor(string? language, string kind)
    {
        if (!string.IsNullOrWhiteSpace(language))
        {
            var requested = language.Trim().ToLowerInvariant();
            if (Has(requested, kind))
                return requested;
            var primary = requested.Split('-', '_')[0];
            if (Has(primary, kind))
                return primary;
        }
        return DefaultLanguage;
    }

    public RenderedNotice Render(NoticeDraft draft, string? language) => Render(draft.Kind, language, draft.Values);

    public RenderedNotice Render(string kind, string? language, IReadOnlyDictionary<string, string> values)
    {
        var used = LanguageFor(language, kind);
        if (!_templates.TryGetValue((used, kind), out var template))
            throw new InvalidOperationException($"There is no template for the notice kind '{kind}' (not even in {DefaultLanguage}).");

        var lines = template.ReplaceLineEndings("\n").Split('\n');
        var subject = Fill(lines[0].Trim(), kind, values);
        var body = new StringBuilder();
        foreach (var line in lines.Skip(1))
        {
            var text = line;
            if (Condition().Match(line) is { Success: true } condition)
            {
                if (!IsSet(values, condition.Groups["flag"].Value))
                    continue;
                text = line[condition.Length..];
            }
            body.Append(Fill(text, kind, values)).Append('\n');
        }
        // A dropped conditional line leaves no double gap.
        return new RenderedNotice(used, subject, BlankLines().Replace(body.ToString(), "\n\n").Trim());
    }

    static bool IsSet(IReadOnlyDictionary<string, string> values, string flag) =>
        values.TryGetValue(flag, out var value) && value.Length > 0 && !value.Equals("false", StringComparison.OrdinalIgnoreCase);

    // One pass: a value that itself contains "{...}" (an organization's name, a question) is not re-read.
    static string Fill(string text, string kind, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, match => values.TryGetValue(match.Groups["name"].Value, out var value)
            ? value
            : throw new InvalidOperationException($"The template '{kind}' uses {match.Value}, which the notice does not provide."));

    [GeneratedRegex(@"\{(?<name>[A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\n[ \t]*(\n[ \t]*)+\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"^\?\{(?<flag>[A-Za-z][A-Za-z0-9]*)\}[ \t]?")]
    private static partial Regex Condition();
}
