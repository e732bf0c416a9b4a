using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Accreditation.Registration.Domain;

namespace Accreditation.UnitTests.Errors;

/// <summary>
/// The history reasons the service writes carry a stable code and their values, which the portal
/// words in English, French and Spanish; a person's reason has no code and stays as written.
/// </summary>
public sealed class HistoryReasonTests
{
    static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly Actor Officer = new("officer-1", "officer");
    static readonly Actor Member = new("user-1", "organization");

    static Application Submitted()
    {
        var organization = Organization.Create("Migrant Rights Network", "MRN", StakeholderCategory.Ngo, "KEN", EcosocStatus.None, "https://mrn.example", ["smuggling"], "user-1", Now);
        var dialogue = Dialogue.Create("Working Group on Smuggling of Migrants", "ninth session", new DateOnly(2026, 7, 1), "Vienna",
            Now.AddDays(-1), Now.AddDays(7), 14, 40, new DialoguePolicy(CirculationPolicy.All, ObjectionEffect.Refer, false, 2), Now.AddDays(-20));
        return Application.Submit(organization, dialogue, Member, Now);
    }

    [Fact]
    public void Service_written_reasons_carry_their_code_and_values_and_a_persons_reason_none()
    {
        var application = Submitted();
        application.Screen(true, null, Officer, Now);
        application.Circulate(Guid.NewGuid(), Now.AddDays(14), Officer, Now);
        application.RecordProfileChange(["name", "country"], Member, Now);
        application.CloseObjectionWindow(1, ObjectionEffect.Refer, Now.AddDays(14));

        var changes = application.Changes;
        Assert.Equal([HistoryReasons.ApplicationSubmitted, HistoryReasons.FoundEligible, HistoryReasons.Circulated, HistoryReasons.ProfileChanged, HistoryReasons.ObjectionStoodReferred],
            changes.Select(c => c.ReasonCode));
        Assert.Equal("2026-05-15T09:00:00Z", changes[2].ReasonMetadata()["deadline_at"]);
        Assert.Equal("name, country", changes[3].ReasonMetadata()["fields"]);
        Assert.Equal("Application submitted", changes[0].Reason);

        var ineligible = Submitted();
        ineligible.Screen(false, "Out of scope", Officer, Now);
        var screened = ineligible.Changes.Last();
        Assert.Equal(("", "Out of scope"), (screened.ReasonCode, screened.Reason));
        Assert.Empty(screened.ReasonMetadata());
    }

    [Fact]
    public void Every_history_code_has_its_english_french_and_spanish_wording_with_the_same_placeholders()
    {
        var codes = typeof(HistoryReasons).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var problems = new List<string>();
        var english = Wordings(RepositoryRoot.Path, "en");
        foreach (var culture in new[] { "en", "fr", "es" })
        {
            var wordings = Wordings(RepositoryRoot.Path, culture);
            foreach (var code in codes)
                if (!wordings.TryGetValue(code, out var text) || string.IsNullOrWhiteSpace(text))
                    problems.Add($"{code} has no {culture} wording");
                else if (!Placeholders(text).SetEquals(Placeholders(english[code])))
                    problems.Add($"{code} in {culture} has other placeholders");
            problems.AddRange(wordings.Keys.Where(k => !k.Contains('=') && !codes.Contains(k)).Select(k => $"HistoryText.{culture} words {k}, no code"));
            problems.AddRange(Organization.SeenByStates.Where(f => !wordings.ContainsKey($"fields={f}")).Select(f => $"profile field {f} has no {culture} wording"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    static Dictionary<string, string> Wordings(string root, string culture) =>
        XDocument.Load(Path.Combine(root, "portal", "Resources", "Errors", $"HistoryText.{culture}.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    static HashSet<string> Placeholders(string text) => Regex.Matches(text, @"\{([a-z_]+)\}").Select(m => m.Value).ToHashSet();
}
