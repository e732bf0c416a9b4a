using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.UnitTests.Errors;

/// <summary>
/// Every reason a service can send is in a catalog, and every catalogued reason has the portal's
/// wording in English, French and Spanish (portal/Resources/Errors/ErrorText.*.resx) with the same
/// placeholders; generic reasons have none, so the portal shows the service's English for them.
/// </summary>
public sealed partial class ReasonCatalogTests
{
    static readonly Assembly[] Services =
    [
        typeof(CommonReasons).Assembly,
        typeof(Accreditation.Identity.Domain.IdentityReasons).Assembly,
        typeof(Accreditation.Registration.Domain.RegistrationReasons).Assembly,
        typeof(Accreditation.Objections.Domain.ObjectionReasons).Assembly,
        typeof(Accreditation.Notifications.Domain.NotificationReasons).Assembly,
    ];

    static IEnumerable<(Type Catalog, string Reason, bool Generic)> Catalogued() =>
        from assembly in Services
        from type in assembly.GetTypes()
        let marker = type.GetCustomAttribute<ErrorReasonsAttribute>()
        where marker is not null
        from field in type.GetFields(BindingFlags.Public | BindingFlags.Static)
        where field.IsLiteral && field.FieldType == typeof(string)
        select (type, (string)field.GetRawConstantValue()!, marker.Generic);

    static Dictionary<string, string> Wordings(string culture) =>
        XDocument.Load(Path.Combine(RepositoryRoot.Path, "portal", "Resources", "Errors", $"ErrorText.{culture}.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    [Fact]
    public void Reasons_are_stable_upper_snake_names_each_in_one_catalog()
    {
        var all = Catalogued().ToList();
        Assert.NotEmpty(all);
        Assert.All(all, r => Assert.Matches("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$", r.Reason));
        var twice = all.GroupBy(r => r.Reason).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "In two catalogs: " + string.Join(", ", twice));
    }

    [Fact]
    public void Every_reason_the_services_send_has_its_english_french_and_spanish_wording_with_the_same_placeholders()
    {
        var byCulture = new[] { "en", "fr", "es" }.ToDictionary(c => c, Wordings);
        var problems = new List<string>();
        foreach (var (catalog, reason, generic) in Catalogued())
            foreach (var (culture, wordings) in byCulture)
            {
                if (generic && wordings.ContainsKey(reason))
                    problems.Add($"{catalog.Name}.{reason} is generic: the portal shows the service's English for it, so it has no {culture} wording");
                else if (!generic && (!wordings.TryGetValue(reason, out var text) || string.IsNullOrWhiteSpace(text)))
                    problems.Add($"{catalog.Name}.{reason} has no {culture} wording");
                else if (!generic && !Placeholders(wordings[reason]).SetEquals(Placeholders(byCulture["en"][reason])))
                    problems.Add($"{reason} in {culture} has placeholders {string.Join(",", Placeholders(wordings[reason]))}");
            }
        var known = Catalogued().Select(r => r.Reason).ToHashSet();
        foreach (var (culture, wordings) in byCulture)
            foreach (var key in wordings.Keys.Where(k => !k.Contains('=') && !known.Contains(k)))
                problems.Add($"ErrorText.{culture}.resx words {key}, which no catalog holds");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// A throw site without a reason still sends a valid status (the generic reason), but the person
    /// then reads the service's English: this lists such sites so each gets a reason of its own.
    /// </summary>
    [Fact]
    public void Every_refusal_thrown_by_a_service_names_a_catalogued_reason()
    {
        var root = RepositoryRoot.Path;
        var missing = new List<string>();
        foreach (var folder in new[] { "services", "building-blocks" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories)
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.EndsWith("ServiceErrors.cs") && !f.EndsWith("RichStatus.cs")))
            {
                var source = File.ReadAllText(file);
                foreach (Match site in ThrowSite().Matches(source))
                {
                    if (!Reason().IsMatch(Arguments(source, site.Index + site.Length)))
                        missing.Add($"{Path.GetRelativePath(root, file)}:{source[..site.Index].Count(c => c == '\n') + 1}");
                }
            }
        Assert.True(missing.Count == 0, "Refusals without a reason: " + string.Join(", ", missing));
    }

    /// <summary>The constructor's arguments: up to the parenthesis that closes the call.</summary>
    static string Arguments(string source, int start)
    {
        var depth = 1;
        for (var i = start; i < source.Length; i++)
            if ((depth += source[i] switch { '(' => 1, ')' => -1, _ => 0 }) == 0)
                return source[start..i];
        return source[start..];
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"new (InvalidField|RuleViolation|NotFound|AlreadyExists|AccessDenied|QuotaExceeded)Exception\(")]
    private static partial Regex ThrowSite();

    [GeneratedRegex(@"\b\w+Reasons\.\w+")]
    private static partial Regex Reason();
}
