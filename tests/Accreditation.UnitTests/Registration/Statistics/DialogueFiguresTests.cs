using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Statistics;
using static Accreditation.Registration.Domain.ApplicationState;

namespace Accreditation.UnitTests.Registration.Statistics;

public sealed class DialogueFiguresTests
{
    static readonly DateTimeOffset Day0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Applications_are_counted_by_state_category_and_region()
    {
        var figures = DialogueFigures.Compute(
        [
            Fact(Admitted, StakeholderCategory.Ngo, "KEN"),
            Fact(Admitted, StakeholderCategory.Academia, "AUT"),
            Fact(NotAdmitted, StakeholderCategory.Ngo, "BRA"),
            Fact(Withdrawn, StakeholderCategory.PrivateSector, "KEN"),
            Fact(Submitted, StakeholderCategory.Other, "HKG"),
        ], []);

        Assert.Equal((5, 2, 1, 1), (figures.Applications, figures.Admitted, figures.NotAdmitted, figures.Withdrawn));
        Assert.Equal(1, figures.Count(Submitted));
        Assert.Equal(0, figures.Count(Referred));
        var ngo = figures.ByCategory.Single(c => c.Group == StakeholderCategory.Ngo);
        Assert.Equal((2, 1), (ngo.Applications, ngo.Admitted));
        Assert.Equal(4, figures.ByCategory.Count);
        var african = figures.ByRegion.Single(r => r.Group == RegionalGroup.African);
        Assert.Equal((2, 1), (african.Applications, african.Admitted));
        Assert.Equal(1, figures.ByRegion.Single(r => r.Group == RegionalGroup.None).Applications);
        Assert.Equal(6, figures.ByRegion.Count);
    }

    [Fact]
    public void Only_standing_objections_count_and_a_state_counts_once()
    {
        var first = Fact(NotAdmitted, StakeholderCategory.Ngo, "KEN");
        var second = Fact(Referred, StakeholderCategory.Ngo, "KEN");
        var withdrawnAgainst = Fact(Admitted, StakeholderCategory.Ngo, "KEN");
        var figures = DialogueFigures.Compute([first, second, withdrawnAgainst],
        [
            new(first.ApplicationId, "AUT", Filed: true),
            new(second.ApplicationId, "AUT", Filed: true),
            new(second.ApplicationId, "BRA", Filed: true),
            // Filed, then withdrawn: not standing.
            new(withdrawnAgainst.ApplicationId, "CHN", Filed: true),
            new(withdrawnAgainst.ApplicationId, "CHN", Filed: false),
        ]);

        Assert.Equal((2, 2), (figures.ObjectingStates, figures.OrganizationsObjectedTo));
    }

    [Fact]
    public void The_median_time_to_decision_counts_decided_applications_only()
    {
        var figures = DialogueFigures.Compute(
        [
            Fact(Admitted, StakeholderCategory.Ngo, "KEN", decidedAfterDays: 10),
            Fact(NotAdmitted, StakeholderCategory.Ngo, "KEN", decidedAfterDays: 20),
            Fact(Admitted, StakeholderCategory.Ngo, "KEN", decidedAfterDays: 2),
            Fact(Admitted, StakeholderCategory.Ngo, "KEN", decidedAfterDays: 30),
            Fact(Circulated, StakeholderCategory.Ngo, "KEN"),
        ], []);

        Assert.Equal(4, figures.Decided);
        Assert.Equal(15, figures.MedianDaysToDecision);
        Assert.Null(DialogueFigures.Compute([Fact(Submitted, StakeholderCategory.Ngo, "KEN")], []).MedianDaysToDecision);
    }

    internal static ApplicationFact Fact(ApplicationState state, StakeholderCategory category, string country, double? decidedAfterDays = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), state, category, country, Day0,
            decidedAfterDays is { } days ? Day0.AddDays(days) : ApplicationLifecycle.IsDecided(state) ? Day0.AddDays(14) : null);
}
