using System.Globalization;
using static Accreditation.Registration.Domain.Statistics.NumberWords;

namespace Accreditation.Registration.Domain.Statistics;

/// <summary>
/// One paragraph in the style of a Chair's summary, written from a dialogue's figures: numbers in
/// words, singular or plural as they require, categories with no participant left out. It names
/// no State.
/// </summary>
public static class ChairSummary
{
    public static string Write(Dialogue dialogue, DialogueFigures figures)
    {
        var held = $"the constructive dialogue held on {dialogue.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} " +
                   $"following the {dialogue.Session} of the {dialogue.WorkingGroup}";
        var sentences = new List<string> { Participation(figures, held), Applications(figures) };
        if (figures.OrganizationsObjectedTo > 0)
            sentences.Add(Objections(figures));
        if (figures.MedianDaysToDecision is { } median)
            sentences.Add(Timing(figures.Decided, median));
        return string.Join(' ', sentences);
    }

    static string Participation(DialogueFigures figures, string held)
    {
        var ngos = figures.AdmittedIn(StakeholderCategory.Ngo);
        var others = new (int Count, string Singular, string Plural)[]
        {
            (figures.AdmittedIn(StakeholderCategory.Academia), "from academia", "from academia"),
            (figures.AdmittedIn(StakeholderCategory.PrivateSector), "from the private sector", "from the private sector"),
            (figures.AdmittedIn(StakeholderCategory.Other), "from another sector", "from other sectors"),
        }.Where(o => o.Count > 0).ToList();
        var otherTotal = others.Sum(o => o.Count);
        if (ngos == 0 && otherTotal == 0)
            return $"No stakeholder was admitted to {held}.";

        // "(five from academia and two from the private sector)"; one kind alone: "(all from academia)".
        var breakdown = others.Count == 1
            ? (otherTotal == 1 ? others[0].Singular : $"all {others[0].Plural}")
            : List(others.Select(o => $"{Of(o.Count)} {(o.Count == 1 ? o.Singular : o.Plural)}"));
        var who = (ngos, otherTotal) switch
        {
            (> 0, 0) => Counted(ngos, "non-governmental organization", "non-governmental organizations"),
            (0, _) => $"{Counted(otherTotal, "relevant stakeholder", "relevant stakeholders")} ({breakdown})",
            _ => $"{Counted(ngos, "non-governmental organization", "non-governmental organizations")} and " +
                 $"{Counted(otherTotal, "other relevant stakeholder", "other relevant stakeholders")} ({breakdown})",
        };
        return $"{Capitalized(who)} participated in {held}.";
    }

    static string Applications(DialogueFigures figures)
    {
        if (figures.Applications == 0)
            return "No application was received.";
        var pending = figures.ByState.Where(s => ApplicationLifecycle.IsUndecided(s.Key)).Sum(s => s.Value);
        var outcomes = new (int Count, string Words)[]
        {
            (figures.Admitted, Passive(figures.Admitted, "admitted")),
            (figures.NotAdmitted, Passive(figures.NotAdmitted, "not admitted")),
            (figures.Count(ApplicationState.Ineligible), Passive(figures.Count(ApplicationState.Ineligible), "found ineligible")),
            (figures.Withdrawn, Passive(figures.Withdrawn, "withdrawn")),
            (figures.Count(ApplicationState.Lapsed), "lapsed"),
            (pending, pending == 1 ? "is under consideration" : "are under consideration"),
        }.Where(o => o.Count > 0).Select(o => $"{Of(o.Count)} {o.Words}");
        var received = Counted(figures.Applications, "application was received", "applications were received");
        return $"{Capitalized(received)}: {List(outcomes)}.";
    }

    static string Objections(DialogueFigures figures) =>
        $"{Capitalized(Counted(figures.ObjectingStates, "State party", "States parties"))} objected to the participation of " +
        $"{Counted(figures.OrganizationsObjectedTo, "organization", "organizations")}.";

    static string Timing(int decided, double medianDays)
    {
        var days = (long)Math.Round(medianDays, MidpointRounding.AwayFromZero);
        var span = days == 0 ? "less than a day" : Counted(days, "day", "days");
        return decided == 1
            ? $"The decision was taken {span} after submission."
            : $"The median time from submission to decision was {span}.";
    }

    static string Passive(int count, string participle) => $"{(count == 1 ? "was" : "were")} {participle}";

    /// <summary>"a", "a and b", "a, b and c".</summary>
    static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 1 ? string.Concat(all) : $"{string.Join(", ", all[..^1])} and {all[^1]}";
    }
}
