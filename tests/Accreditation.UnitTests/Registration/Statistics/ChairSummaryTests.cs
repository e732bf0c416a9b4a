using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Statistics;
using static Accreditation.Registration.Domain.ApplicationState;
using static Accreditation.Registration.Domain.StakeholderCategory;

namespace Accreditation.UnitTests.Registration.Statistics;

public sealed class ChairSummaryTests
{
    static readonly Dialogue Dialogue = Accreditation.Registration.Domain.Dialogue.Create(
        "Working Group on Smuggling of Migrants", "ninth session", new DateOnly(2022, 7, 1), "Vienna and online",
        null, new DateTimeOffset(2022, 5, 8, 22, 0, 0, TimeSpan.Zero), 14, 40,
        new DialoguePolicy(CirculationPolicy.All, ObjectionEffect.Exclude, false, 2), new DateTimeOffset(2022, 3, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_summary_counts_participants_in_words_as_a_chairs_summary_does()
    {
        var applications = Many(37, Admitted, Ngo).Concat(Many(5, Admitted, Academia)).Concat(Many(2, Admitted, PrivateSector))
            .Concat(Many(1, NotAdmitted, Ngo)).Append(DialogueFiguresTests.Fact(Withdrawn, Ngo, "KEN")).ToList();
        var objected = applications.First(a => a.State == NotAdmitted);

        var summary = ChairSummary.Write(Dialogue, DialogueFigures.Compute(applications, [new(objected.ApplicationId, "AUT", true)]));

        Assert.Equal(
            "Thirty-seven non-governmental organizations and seven other relevant stakeholders (five from academia and two from the private sector) " +
            "participated in the constructive dialogue held on 1 July 2022 following the ninth session of the Working Group on Smuggling of Migrants. " +
            "Forty-six applications were received: forty-four were admitted, one was not admitted and one was withdrawn. " +
            "One State party objected to the participation of one organization. " +
            "The median time from submission to decision was fourteen days.",
            summary);
        Assert.DoesNotContain("AUT", summary);
    }

    [Fact]
    public void Singulars_are_singular_and_categories_without_participants_are_left_out()
    {
        var summary = ChairSummary.Write(Dialogue, DialogueFigures.Compute(
            [.. Many(1, Admitted, Ngo), .. Many(1, Admitted, Other), .. Many(1, Submitted, Academia)], []));

        Assert.StartsWith("One non-governmental organization and one other relevant stakeholder (from another sector) participated", summary);
        Assert.Contains("Three applications were received: two were admitted and one is under consideration.", summary);
        Assert.DoesNotContain("academia", summary);
        Assert.DoesNotContain("private sector", summary);
        Assert.DoesNotContain("objected", summary);
    }

    [Fact]
    public void Stakeholders_of_one_kind_only_are_named_without_a_zero_for_the_others()
    {
        var summary = ChairSummary.Write(Dialogue, DialogueFigures.Compute(Many(3, Admitted, Academia).ToList(), []));

        Assert.StartsWith("Three relevant stakeholders (all from academia) participated", summary);
        Assert.DoesNotContain("non-governmental", summary);
        Assert.DoesNotContain("zero", summary);
    }

    [Fact]
    public void Several_objecting_states_are_counted_never_named()
    {
        var applications = Many(3, NotAdmitted, Ngo).ToList();
        var summary = ChairSummary.Write(Dialogue, DialogueFigures.Compute(applications,
            applications.SelectMany(a => new ObjectionFact[] { new(a.ApplicationId, "AUT", true), new(a.ApplicationId, "BRA", true) }).ToList()));

        Assert.Contains("Two States parties objected to the participation of three organizations.", summary);
        Assert.StartsWith("No stakeholder was admitted to the constructive dialogue", summary);
        Assert.DoesNotMatch("AUT|BRA", summary);
    }

    [Fact]
    public void A_dialogue_without_applications_says_so()
    {
        var summary = ChairSummary.Write(Dialogue, DialogueFigures.Compute([], []));

        Assert.Equal("No stakeholder was admitted to the constructive dialogue held on 1 July 2022 following the ninth session of the " +
                     "Working Group on Smuggling of Migrants. No application was received.", summary);
    }

    static IEnumerable<ApplicationFact> Many(int count, ApplicationState state, StakeholderCategory category) =>
        Enumerable.Range(0, count).Select(_ => DialogueFiguresTests.Fact(state, category, "KEN"));
}
