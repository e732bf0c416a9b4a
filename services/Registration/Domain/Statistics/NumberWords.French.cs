namespace Accreditation.Registration.Domain.Statistics;

/// <summary>The gender of the noun a number counts: French and Spanish numbers agree with it ("vingt et une organisations").</summary>
public enum GrammaticalGender { Masculine = 1, Feminine }

public static partial class NumberWords
{
    static readonly string[] FrenchSmall =
    [
        "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
        "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
    ];

    static readonly string[] FrenchTens = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante"];

    /// <summary>
    /// A number in French words, traditional spelling as the United Nations writes it (hyphens below a
    /// hundred, "et" in 21, 31... 71; "quatre-vingts" and "deux cents" take an s only when they end the
    /// number or come before "millions"; "mille" is invariable), agreeing with the noun it counts.
    /// </summary>
    public static string French(long number, GrammaticalGender gender = GrammaticalGender.Masculine)
    {
        if (number < 0)
            return "moins " + French(-number, gender);
        if (number == 0)
            return FrenchSmall[0];
        var parts = new List<string>();
        var rest = number;
        foreach (var (value, singular, plural) in new (long, string, string)[] { (1_000_000_000, "milliard", "milliards"), (1_000_000, "million", "millions") })
        {
            if (rest < value)
                continue;
            var count = rest / value;
            // "millions" is a noun: "quatre-vingts millions", "deux cents millions", "un million".
            parts.Add($"{FrenchBelowThousand((int)count, GrammaticalGender.Masculine, final: true)} {(count == 1 ? singular : plural)}");
            rest %= value;
        }
        if (rest >= 1000)
        {
            var thousands = (int)(rest / 1000);
            // "mille", never "un mille"; before it "vingt" and "cent" stay without s and "un" stays masculine.
            parts.Add(thousands == 1 ? "mille" : $"{FrenchBelowThousand(thousands, GrammaticalGender.Masculine, final: false)} mille");
            rest %= 1000;
        }
        if (rest > 0)
            parts.Add(FrenchBelowThousand((int)rest, gender, final: true));
        return string.Join(' ', parts);
    }

    static string FrenchBelowThousand(int number, GrammaticalGender gender, bool final)
    {
        var hundreds = number / 100;
        var rest = number % 100;
        var hundred = hundreds switch
        {
            0 => "",
            1 => "cent",
            _ => rest == 0 && final ? $"{FrenchSmall[hundreds]} cents" : $"{FrenchSmall[hundreds]} cent",
        };
        if (rest == 0)
            return hundred;
        var below = FrenchBelowHundred(rest, gender, final);
        return hundreds == 0 ? below : $"{hundred} {below}";
    }

    static string FrenchBelowHundred(int number, GrammaticalGender gender, bool final)
    {
        string Unit(int n) => n == 1 && gender == GrammaticalGender.Feminine ? "une" : FrenchSmall[n];
        if (number < 20)
            return Unit(number);
        var tens = number / 10;
        var unit = number % 10;
        // 70-79 and 90-99 count on from sixty and eighty: "soixante et onze", "quatre-vingt-dix-sept".
        var (stem, rest) = tens switch
        {
            7 => ("soixante", number - 60),
            8 or 9 => ("quatre-vingt", number - 80),
            _ => (FrenchTens[tens], unit),
        };
        if (rest == 0)
            return stem == "quatre-vingt" && final ? "quatre-vingts" : stem;
        // "et" joins one (and eleven after sixty) to the tens, except after quatre-vingt.
        if ((rest == 1 || rest == 11) && stem != "quatre-vingt")
            return $"{stem} et {Unit(rest)}";
        return $"{stem}-{Unit(rest)}";
    }
}
