namespace Accreditation.Registration.Domain.Statistics;

public static partial class NumberWords
{
    static readonly string[] SpanishSmall =
    [
        "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
        "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve",
        "veinte", "veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve",
    ];

    static readonly string[] SpanishTens = ["", "", "veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"];

    static readonly string[] SpanishHundreds =
        ["", "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos", "setecientos", "ochocientos", "novecientos"];

    /// <summary>
    /// A number in Spanish words as it stands before the noun it counts: "un", "veintiún", "treinta y un"
    /// before a masculine noun ("veintiún representantes"), "una", "veintiuna", "doscientas" before a
    /// feminine one ("veintiuna organizaciones"); "cien" alone, "ciento" before more; "mil" invariable;
    /// "millones" a masculine noun.
    /// </summary>
    public static string Spanish(long number, GrammaticalGender gender = GrammaticalGender.Masculine)
    {
        if (number < 0)
            return "menos " + Spanish(-number, gender);
        if (number == 0)
            return SpanishSmall[0];
        var parts = new List<string>();
        var rest = number;
        if (rest >= 1_000_000)
        {
            var millions = rest / 1_000_000;
            parts.Add(millions == 1 ? "un millón" : $"{Spanish(millions)} millones");
            rest %= 1_000_000;
        }
        if (rest >= 1000)
        {
            var thousands = (int)(rest / 1000);
            // "mil", never "un mil"; "veintiún mil", and "doscientas mil organizaciones" (the hundreds agree).
            parts.Add(thousands == 1 ? "mil" : $"{SpanishBelowThousand(thousands, gender, beforeThousand: true)} mil");
            rest %= 1000;
        }
        if (rest > 0)
            parts.Add(SpanishBelowThousand((int)rest, gender, beforeThousand: false));
        return string.Join(' ', parts);
    }

    static string SpanishBelowThousand(int number, GrammaticalGender gender, bool beforeThousand)
    {
        var hundreds = number / 100;
        var rest = number % 100;
        if (number == 100)
            return "cien";
        var hundred = hundreds == 0 ? ""
            : gender == GrammaticalGender.Feminine && hundreds > 1 ? SpanishHundreds[hundreds][..^2] + "as"
            : SpanishHundreds[hundreds];
        if (rest == 0)
            return hundred;
        var below = SpanishBelowHundred(rest, beforeThousand ? GrammaticalGender.Masculine : gender);
        return hundreds == 0 ? below : $"{hundred} {below}";
    }

    static string SpanishBelowHundred(int number, GrammaticalGender gender)
    {
        // Before a noun "uno" loses its o ("un", "veintiún", "treinta y un") or agrees ("una", "veintiuna").
        static string BeforeNoun(string word, GrammaticalGender gender) =>
            !word.EndsWith("uno", StringComparison.Ordinal) ? word
            : gender == GrammaticalGender.Feminine ? word[..^1] + "a"
            : word == "veintiuno" ? "veintiún"
            : word[..^1];
        if (number < 30)
            return BeforeNoun(SpanishSmall[number], gender);
        var unit = number % 10;
        var tens = SpanishTens[number / 10];
        return unit == 0 ? tens : $"{tens} y {BeforeNoun(SpanishSmall[unit], gender)}";
    }
}
