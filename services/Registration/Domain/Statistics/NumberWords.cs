namespace Accreditation.Registration.Domain.Statistics;

/// <summary>
/// Numbers in English words, as UN reports write them (British usage: "one hundred and five");
/// French and Spanish in NumberWords.French.cs and NumberWords.Spanish.cs.
/// </summary>
public static partial class NumberWords
{
    static readonly string[] Small =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    static readonly (long Value, string Name)[] Scales = [(1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand")];

    public static string Of(long number)
    {
        if (number < 0)
            return "minus " + Of(-(decimal)number);
        return Of((decimal)number);
    }

    static string Of(decimal number)
    {
        if (number == 0)
            return Small[0];
        var parts = new List<string>();
        var rest = number;
        foreach (var (value, name) in Scales)
        {
            if (rest < value)
                continue;
            var count = decimal.Truncate(rest / value);
            parts.Add($"{Of(count)} {name}");
            rest -= count * value;
        }
        if (rest > 0)
            // "one thousand and five": a last part under a hundred is joined with "and".
            parts.Add((parts.Count > 0 && rest < 100 ? "and " : "") + BelowThousand((int)rest));
        return string.Join(' ', parts);
    }

    static string BelowThousand(int number)
    {
        var hundreds = number / 100;
        var rest = number % 100;
        if (hundreds == 0)
            return BelowHundred(rest);
        return rest == 0 ? $"{Small[hundreds]} hundred" : $"{Small[hundreds]} hundred and {BelowHundred(rest)}";
    }

    static string BelowHundred(int number) =>
        number < 20 ? Small[number]
        : number % 10 == 0 ? Tens[number / 10]
        : $"{Tens[number / 10]}-{Small[number % 10]}";

    /// <summary>"one organization", "thirty-seven organizations".</summary>
    public static string Counted(long number, string singular, string plural) =>
        $"{Of(number)} {(number == 1 ? singular : plural)}";

    /// <summary>The text with its first letter in capitals, to open a sentence.</summary>
    public static string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
