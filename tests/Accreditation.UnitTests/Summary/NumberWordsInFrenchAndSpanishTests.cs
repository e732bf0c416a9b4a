using Accreditation.Registration.Domain.Statistics;
using static Accreditation.Registration.Domain.Statistics.GrammaticalGender;

namespace Accreditation.UnitTests.Summary;

public sealed class NumberWordsInFrenchAndSpanishTests
{
    [Theory]
    [InlineData(0, "zéro")]
    [InlineData(1, "un")]
    [InlineData(16, "seize")]
    [InlineData(17, "dix-sept")]
    [InlineData(20, "vingt")]
    [InlineData(21, "vingt et un")]
    [InlineData(22, "vingt-deux")]
    [InlineData(31, "trente et un")]
    [InlineData(61, "soixante et un")]
    [InlineData(70, "soixante-dix")]
    [InlineData(71, "soixante et onze")]
    [InlineData(77, "soixante-dix-sept")]
    [InlineData(80, "quatre-vingts")]
    [InlineData(81, "quatre-vingt-un")]
    [InlineData(90, "quatre-vingt-dix")]
    [InlineData(91, "quatre-vingt-onze")]
    [InlineData(99, "quatre-vingt-dix-neuf")]
    [InlineData(100, "cent")]
    [InlineData(101, "cent un")]
    [InlineData(180, "cent quatre-vingts")]
    [InlineData(200, "deux cents")]
    [InlineData(201, "deux cent un")]
    [InlineData(1000, "mille")]
    [InlineData(1001, "mille un")]
    [InlineData(2000, "deux mille")]
    [InlineData(21_000, "vingt et un mille")]
    [InlineData(80_000, "quatre-vingt mille")]
    [InlineData(200_000, "deux cent mille")]
    [InlineData(1_000_000, "un million")]
    [InlineData(80_000_000, "quatre-vingts millions")]
    [InlineData(200_000_000, "deux cents millions")]
    public void French_numbers_follow_the_traditional_spelling(long number, string words) =>
        Assert.Equal(words, NumberWords.French(number));

    [Theory]
    [InlineData(1, "une")]
    [InlineData(21, "vingt et une")]
    [InlineData(81, "quatre-vingt-une")]
    [InlineData(201, "deux cent une")]
    [InlineData(21_001, "vingt et un mille une")]
    public void French_numbers_agree_with_a_feminine_noun_in_their_last_unit_only(long number, string words) =>
        Assert.Equal(words, NumberWords.French(number, Feminine));

    [Theory]
    [InlineData(0, "cero")]
    [InlineData(1, "un")]
    [InlineData(15, "quince")]
    [InlineData(16, "dieciséis")]
    [InlineData(21, "veintiún")]
    [InlineData(22, "veintidós")]
    [InlineData(30, "treinta")]
    [InlineData(31, "treinta y un")]
    [InlineData(42, "cuarenta y dos")]
    [InlineData(100, "cien")]
    [InlineData(101, "ciento un")]
    [InlineData(150, "ciento cincuenta")]
    [InlineData(200, "doscientos")]
    [InlineData(500, "quinientos")]
    [InlineData(1000, "mil")]
    [InlineData(2021, "dos mil veintiún")]
    [InlineData(21_000, "veintiún mil")]
    [InlineData(100_000, "cien mil")]
    [InlineData(1_000_000, "un millón")]
    [InlineData(2_000_000, "dos millones")]
    [InlineData(21_000_000, "veintiún millones")]
    public void Spanish_numbers_stand_as_before_a_masculine_noun(long number, string words) =>
        Assert.Equal(words, NumberWords.Spanish(number));

    [Theory]
    [InlineData(1, "una")]
    [InlineData(21, "veintiuna")]
    [InlineData(31, "treinta y una")]
    [InlineData(200, "doscientas")]
    [InlineData(501, "quinientas una")]
    [InlineData(200_000, "doscientas mil")]
    [InlineData(21_000, "veintiún mil")]
    public void Spanish_numbers_agree_with_a_feminine_noun(long number, string words) =>
        Assert.Equal(words, NumberWords.Spanish(number, Feminine));

    [Fact]
    public void Every_number_below_a_thousand_has_distinct_words_in_french_and_spanish()
    {
        Assert.Equal(1000, Enumerable.Range(0, 1000).Select(n => NumberWords.French(n)).Distinct().Count());
        Assert.Equal(1000, Enumerable.Range(0, 1000).Select(n => NumberWords.Spanish(n)).Distinct().Count());
        Assert.Equal(1000, Enumerable.Range(0, 1000).Select(n => NumberWords.Spanish(n, Feminine)).Distinct().Count());
    }
}
