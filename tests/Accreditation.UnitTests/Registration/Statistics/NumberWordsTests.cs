using Accreditation.Registration.Domain.Statistics;

namespace Accreditation.UnitTests.Registration.Statistics;

public sealed class NumberWordsTests
{
    [Theory]
    [InlineData(0, "zero")]
    [InlineData(1, "one")]
    [InlineData(7, "seven")]
    [InlineData(11, "eleven")]
    [InlineData(15, "fifteen")]
    [InlineData(19, "nineteen")]
    [InlineData(20, "twenty")]
    [InlineData(21, "twenty-one")]
    [InlineData(37, "thirty-seven")]
    [InlineData(40, "forty")]
    [InlineData(57, "fifty-seven")]
    [InlineData(99, "ninety-nine")]
    [InlineData(100, "one hundred")]
    [InlineData(101, "one hundred and one")]
    [InlineData(110, "one hundred and ten")]
    [InlineData(115, "one hundred and fifteen")]
    [InlineData(342, "three hundred and forty-two")]
    [InlineData(500, "five hundred")]
    [InlineData(999, "nine hundred and ninety-nine")]
    [InlineData(1000, "one thousand")]
    [InlineData(1005, "one thousand and five")]
    [InlineData(1100, "one thousand one hundred")]
    [InlineData(12_345, "twelve thousand three hundred and forty-five")]
    [InlineData(2_000_001, "two million and one")]
    [InlineData(-3, "minus three")]
    public void Numbers_are_written_in_british_english_words(long number, string words) =>
        Assert.Equal(words, NumberWords.Of(number));

    [Fact]
    public void Every_number_below_a_thousand_has_distinct_well_formed_words()
    {
        var all = Enumerable.Range(0, 1000).Select(n => NumberWords.Of(n)).ToList();

        Assert.Equal(1000, all.Distinct().Count());
        Assert.All(all, w => Assert.Matches(@"^[a-z]+(-[a-z]+)?( hundred( and [a-z]+(-[a-z]+)?)?)?$", w));
        // Hyphens exactly where a tens word meets a unit: 21..99 not ending in zero.
        Assert.Equal(8 * 9 * 10, all.Count(w => w.Contains('-')));
    }

    [Theory]
    [InlineData(1, "one organization")]
    [InlineData(0, "zero organizations")]
    [InlineData(2, "two organizations")]
    public void A_count_takes_the_singular_only_for_one(int number, string expected) =>
        Assert.Equal(expected, NumberWords.Counted(number, "organization", "organizations"));
}
