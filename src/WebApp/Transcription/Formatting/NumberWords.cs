namespace WebApp.Transcription.Formatting;

/// <summary>The English number vocabulary, spelled as the recognizer spells it.</summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4,
        ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
    };

    private static readonly Dictionary<string, int> Teens = new(StringComparer.Ordinal)
    {
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, long> Scales = new(StringComparer.Ordinal)
    {
        ["thousand"] = 1_000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000, ["trillion"] = 1_000_000_000_000,
    };

    private static readonly Dictionary<string, int> OrdinalUnits = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5,
        ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9,
    };

    private static readonly Dictionary<string, int> OrdinalTeens = new(StringComparer.Ordinal)
    {
        ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["thirteenth"] = 13, ["fourteenth"] = 14,
        ["fifteenth"] = 15, ["sixteenth"] = 16, ["seventeenth"] = 17, ["eighteenth"] = 18, ["nineteenth"] = 19,
        ["twentieth"] = 20, ["thirtieth"] = 30, ["fortieth"] = 40, ["fiftieth"] = 50,
        ["sixtieth"] = 60, ["seventieth"] = 70, ["eightieth"] = 80, ["ninetieth"] = 90,
    };

    private static readonly Dictionary<string, long> OrdinalScales = new(StringComparer.Ordinal)
    {
        ["hundredth"] = 100, ["thousandth"] = 1_000, ["millionth"] = 1_000_000,
    };

    public static bool IsUnit(string word, out int value) => Units.TryGetValue(word, out value);

    public static bool IsTeen(string word, out int value) => Teens.TryGetValue(word, out value);

    public static bool IsTens(string word, out int value) => Tens.TryGetValue(word, out value);

    public static bool IsScale(string word, out long value) => Scales.TryGetValue(word, out value);

    public static bool IsOrdinalUnit(string word, out int value) => OrdinalUnits.TryGetValue(word, out value);

    public static bool IsOrdinalTeenOrTens(string word, out int value) => OrdinalTeens.TryGetValue(word, out value);

    public static bool IsOrdinalScale(string word, out long value) => OrdinalScales.TryGetValue(word, out value);

    /// <summary>A digit as said in a digit-by-digit number; "oh" only counts when digits are already being read.</summary>
    public static bool IsDigit(string word, bool allowOh, out int value)
    {
        if (allowOh && word == "oh")
        {
            value = 0;
            return true;
        }

        return Units.TryGetValue(word, out value);
    }

    public static bool IsNumberWord(string word) =>
        Units.ContainsKey(word) || Teens.ContainsKey(word) || Tens.ContainsKey(word) || Scales.ContainsKey(word) || word == "hundred"
        || OrdinalUnits.ContainsKey(word) || OrdinalTeens.ContainsKey(word) || OrdinalScales.ContainsKey(word);

    /// <summary>"1st", "22nd", "13th".</summary>
    public static string OrdinalSuffix(long value) => (value % 100) switch
    {
        11 or 12 or 13 => "th",
        _ => (value % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        },
    };
}
