using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Statistics;
using static Accreditation.Registration.Domain.AttendanceMode;
using static Accreditation.Registration.Domain.StakeholderCategory;

namespace Accreditation.UnitTests.Summary;

public sealed class SeriesFiguresTests
{
    static readonly Guid May = Guid.NewGuid(), July = Guid.NewGuid();

    static AttendanceFact At(Guid dialogue, Guid organization, AttendanceMode mode, StakeholderCategory category = Ngo, string country = "KEN") =>
        new(dialogue, organization, category, country, mode);

    [Fact]
    public void An_organization_present_at_two_dialogues_of_the_series_counts_once()
    {
        var strada = Guid.NewGuid();

        var figures = SeriesFigures.Compute([At(May, strada, InPerson), At(July, strada, InPerson), At(July, strada, InPerson)]);

        Assert.Equal(2, figures.Dialogues);
        Assert.Equal(1, figures.Organizations);
        Assert.Equal(1, figures.InPerson);
        Assert.Equal(0, figures.Online);
    }

    [Fact]
    public void An_organization_that_took_part_online_and_in_person_counts_in_both_and_once_in_all()
    {
        var (both, online, inPerson) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var figures = SeriesFigures.Compute([At(May, both, Online), At(July, both, InPerson), At(May, online, Online), At(July, inPerson, InPerson)]);

        Assert.Equal(3, figures.Organizations);
        Assert.Equal(2, figures.Online);
        Assert.Equal(2, figures.InPerson);
        Assert.Equal(1, figures.OnlineAndInPerson);
        Assert.Equal(figures.Organizations, figures.Online + figures.InPerson - figures.OnlineAndInPerson);
    }

    [Fact]
    public void Organizations_are_counted_by_category_and_by_their_countrys_regional_group()
    {
        var facts = new[]
        {
            At(May, Guid.NewGuid(), InPerson, Ngo, "KEN"),
            At(May, Guid.NewGuid(), Online, Ngo, "NGA"),
            At(July, Guid.NewGuid(), Online, Academia, "AUT"),
            At(July, Guid.NewGuid(), InPerson, PrivateSector, "BRA"),
            At(July, Guid.NewGuid(), InPerson, Ngo, "PRI"),
        };

        var figures = SeriesFigures.Compute(facts);

        Assert.Equal(new SeriesGroupFigures<StakeholderCategory>(Ngo, 3, 1, 2), figures.In(Ngo));
        Assert.Equal(new SeriesGroupFigures<StakeholderCategory>(Academia, 1, 1, 0), figures.In(Academia));
        Assert.Equal(new SeriesGroupFigures<StakeholderCategory>(PrivateSector, 1, 0, 1), figures.In(PrivateSector));
        Assert.Equal(new SeriesGroupFigures<StakeholderCategory>(Other, 0, 0, 0), figures.In(Other));
        Assert.Equal(new SeriesGroupFigures<RegionalGroup>(RegionalGroup.African, 2, 1, 1), figures.In(RegionalGroup.African));
        Assert.Equal(new SeriesGroupFigures<RegionalGroup>(RegionalGroup.WesternEuropeanAndOthers, 1, 1, 0), figures.In(RegionalGroup.WesternEuropeanAndOthers));
        Assert.Equal(new SeriesGroupFigures<RegionalGroup>(RegionalGroup.LatinAmericanAndCaribbean, 1, 0, 1), figures.In(RegionalGroup.LatinAmericanAndCaribbean));
        // Puerto Rico, a territory, belongs to no group; it is still counted.
        Assert.Equal(1, figures.In(RegionalGroup.None).Organizations);
        Assert.Equal(figures.Organizations, figures.ByRegion.Sum(r => r.Organizations));
        Assert.Equal(figures.Organizations, figures.ByCategory.Sum(c => c.Organizations));
    }

    [Fact]
    public void An_organization_whose_profile_changed_counts_under_the_last_dialogues_profile()
    {
        var moved = Guid.NewGuid();

        var figures = SeriesFigures.Compute([At(May, moved, Online, Ngo, "KEN"), At(July, moved, Online, Academia, "AUT")]);

        Assert.Equal(1, figures.In(Academia).Organizations);
        Assert.Equal(0, figures.In(Ngo).Organizations);
        Assert.Equal(1, figures.In(RegionalGroup.WesternEuropeanAndOthers).Organizations);
    }

    [Fact]
    public void A_series_nobody_attended_has_every_row_at_zero()
    {
        var figures = SeriesFigures.Compute([]);

        Assert.Equal((0, 0), (figures.Dialogues, figures.Organizations));
        Assert.Equal(Enum.GetValues<StakeholderCategory>().Length, figures.ByCategory.Count);
        Assert.Equal(Enum.GetValues<RegionalGroup>().Length, figures.ByRegion.Count);
        Assert.All(figures.ByRegion, r => Assert.Equal(0, r.Organizations));
    }
}
