using System.Globalization;

namespace WebApp.Transcription.Formatting;

/// <summary>
/// Number rules for one sentence, tried in order at each word: clock time, date, decade, year, digit run, quantity.
/// Small numbers in prose stay words ("one of them", "two or three"): a number is written in digits when it is 10 or
/// more, has a decimal point, or is followed by a unit ("5%", "$5", "7 degrees", "5 cents").
/// </summary>
internal sealed class NumberNormalizer(IReadOnlyList<Token> tokens, int from, int to, List<Token> output)
{
    private static readonly HashSet<string> YearCues = new(["in", "since", "until", "till", "from", "year", "by", "circa"], StringComparer.Ordinal);

    private static readonly HashSet<string> ClockCues = new(["at", "by", "until", "till", "around", "before", "after", "from", "about"], StringComparer.Ordinal);

    private static readonly HashSet<string> MeasureUnits = new(
    [
        "degrees", "degree", "cents", "cent", "miles", "mile", "kilometers", "kilometer", "meters", "meter",
        "feet", "foot", "inches", "inch", "pounds", "pound", "ounces", "ounce", "kilograms", "kilogram", "kilos",
        "grams", "gram", "liters", "liter", "gallons", "gallon", "mph", "milligrams", "milliliters",
    ], StringComparer.Ordinal);

    private static readonly Dictionary<string, string> Centuries = new(StringComparer.Ordinal)
    {
        ["eighteen"] = "18", ["nineteen"] = "19", ["twenty"] = "20",
    };

    private static readonly Dictionary<string, string> Decades = new(StringComparer.Ordinal)
    {
        ["tens"] = "10", ["twenties"] = "20", ["thirties"] = "30", ["forties"] = "40", ["fifties"] = "50",
        ["sixties"] = "60", ["seventies"] = "70", ["eighties"] = "80", ["nineties"] = "90",
    };

    private readonly string[] words = [.. tokens.Skip(from).Take(to - from + 1).Select(t => t.Lower)];

    public void Run()
    {
        var i = 0;
        while (i < words.Length)
        {
            var pieces = Clock(i) ?? Date(i) ?? Decade(i) ?? Year(i) ?? DigitRun(i) ?? Quantity(i);
            if (pieces is null)
            {
                output.Add(tokens[from + i]);
                i++;
                continue;
            }

            foreach (var piece in pieces)
            {
                var merged = Token.Merge(tokens, from + piece.From, from + piece.To, piece.Text);
                output.Add(piece.BreakAfter is { } mark && merged.Break == Break.None ? merged with { Break = mark } : merged);
            }

            i = pieces[^1].To + 1;
        }
    }

    /// <summary>"three thirty p m" → "3:30 PM", "seven o'clock" → "7:00", "at three thirty" → "at 3:30".</summary>
    private Piece[]? Clock(int i)
    {
        if (SpokenDigits.ReadClock(words, i) is not { } clock)
        {
            return null;
        }

        var next = i + clock.Count;
        var written = clock.Minutes is { } minutes ? $"{clock.Hour}:{minutes:00}" : clock.Hour.ToString(CultureInfo.InvariantCulture);
        if (SpokenDigits.ReadMeridiem(words, next) is { } meridiem)
        {
            return [new(written, i, next - 1), new(meridiem.Written, next, next + meridiem.Count - 1)];
        }

        if (clock.Minutes is null && At(next) == "o'clock")
        {
            return [new($"{clock.Hour}:00", i, next)];
        }

        return clock.Minutes is not null && ClockCues.Contains(At(i - 1)) && !NumberWords.IsNumberWord(At(next))
            ? [new(written, i, next - 1)]
            : null;
    }

    /// <summary>"march fifth nineteen ninety" → "March 5th, 1990"; "june twenty twenty" → "June 2020".</summary>
    private Piece[]? Date(int i)
    {
        if (!CalendarWords.IsMonth(words[i]))
        {
            return null;
        }

        var month = new Piece(SentenceCasing.Capitalise(words[i]), i, i);
        if (YearAt(i + 1) is { } year)
        {
            return [month, year];
        }

        if (NumberPhraseParser.Parse(words, i + 1) is not { Fraction: null, RoundScale: null, Value: >= 1 and <= 31 } day
            || (CalendarWords.AmbiguousMonths.Contains(words[i]) && !day.IsOrdinal && day.Value < 10))
        {
            return null;
        }

        var dayEnd = i + day.Count;
        var dayWritten = DayText(day);
        return YearAt(dayEnd + 1) is { } after
            ? [month, new(dayWritten, i + 1, dayEnd, Break.Comma), after]
            : [month, new(dayWritten, i + 1, dayEnd)];
    }

    /// <summary>"the nineteen sixties" → "the 1960s".</summary>
    private Piece[]? Decade(int i) =>
        Centuries.TryGetValue(words[i], out var century) && Decades.TryGetValue(At(i + 1), out var decade)
            ? [new($"{century}{decade}s", i, i + 1)]
            : null;

    private Piece[]? Year(int i) => YearAt(i, afterYearCue: YearCues.Contains(At(i - 1))) is { } year ? [year] : null;

    /// <summary>A year after a date or a cue: the paired form, or "two thousand five" written without a comma.</summary>
    private Piece? YearAt(int i, bool afterYearCue = true)
    {
        if (SpokenDigits.ReadYear(words, i, afterYearCue) is { } paired && !IsUnit(At(i + paired.Count)))
        {
            return new(paired.Year.ToString(CultureInfo.InvariantCulture), i, i + paired.Count - 1);
        }

        if (afterYearCue && NumberPhraseParser.Parse(words, i) is { } number && IsYearLike(number) && !IsUnit(At(i + number.Count)))
        {
            return new(number.Value.ToString(CultureInfo.InvariantCulture), i, i + number.Count - 1);
        }

        return null;
    }

    private Piece[]? DigitRun(int i) =>
        SpokenDigits.ReadDigitRun(words, i) is { } run ? [new(GroupDigits(run.Digits), i, i + run.Count - 1)] : null;

    private Piece[]? Quantity(int i)
    {
        if (NumberPhraseParser.Parse(words, i) is not { } number)
        {
            return null;
        }

        var next = i + number.Count;
        if (number.IsOrdinal)
        {
            return Ordinal(i, number, next);
        }

        if (number.RoundScale is not null)
        {
            var lead = Written(number);
            var withDollars = At(next + 1) is "dollars" or "dollar";
            return [new(withDollars ? "$" + lead : lead, i, next - 1), new(tokens[from + next].Text, next, withDollars ? next + 1 : next)];
        }

        var written = Written(number);
        return At(next) switch
        {
            "percent" => [new(written + "%", i, next)],
            "per" when At(next + 1) == "cent" => [new(written + "%", i, next + 1)],
            "dollars" or "dollar" => [Money(i, written, next)],
            var unit when MeasureUnits.Contains(unit) => [new(written, i, next - 1)],
            _ when number.Fraction is not null || number.Value >= 10 => [new(written, i, next - 1)],
            _ => null,
        };
    }

    /// <summary>"twenty five dollars and fifty cents" → "$25.50".</summary>
    private Piece Money(int i, string dollars, int dollarWord)
    {
        var c = dollarWord + 1;
        if (At(c) == "and")
        {
            c++;
        }

        return NumberPhraseParser.Parse(words, c) is { IsOrdinal: false, Fraction: null, RoundScale: null, Value: > 0 and < 100 } cents
            && At(c + cents.Count) is "cents" or "cent"
            ? new($"${dollars}.{cents.Value:00}", i, c + cents.Count)
            : new("$" + dollars, i, dollarWord);
    }

    /// <summary>"twenty first" → "21st"; "first" stays a word unless it is a day ("the fifth of march").</summary>
    private Piece[]? Ordinal(int i, NumberPhrase number, int next)
    {
        var written = DayText(number);
        if (number.Value <= 31 && At(next) == "of" && CalendarWords.IsMonth(At(next + 1)))
        {
            Piece[] date = [new(written, i, next - 1), new(tokens[from + next].Text, next, next), new(SentenceCasing.Capitalise(At(next + 1)), next + 1, next + 1)];
            return YearAt(next + 2) is { } year ? [.. date, year] : date;
        }

        return number.Value >= 10 ? [new(written, i, next - 1)] : null;
    }

    private static string DayText(NumberPhrase day) =>
        day.Value.ToString(CultureInfo.InvariantCulture) + (day.IsOrdinal ? NumberWords.OrdinalSuffix(day.Value) : "");

    private static string Written(NumberPhrase number)
    {
        var integer = number.Value.ToString("#,0", CultureInfo.InvariantCulture);
        return number.Fraction is null ? integer : $"{integer}.{number.Fraction}";
    }

    private static bool IsYearLike(NumberPhrase number) =>
        number is { Fraction: null, IsOrdinal: false, RoundScale: null, Value: >= 1000 and <= 2099 } && (number.SpokenAsHundreds || number.SpokenAsThousands);

    /// <summary>Phone numbers as written in the US; other lengths stay a plain run of digits.</summary>
    private static string GroupDigits(string digits) => digits.Length switch
    {
        10 => $"{digits[..3]}-{digits[3..6]}-{digits[6..]}",
        11 when digits[0] == '1' => $"1-{digits[1..4]}-{digits[4..7]}-{digits[7..]}",
        7 => $"{digits[..3]}-{digits[3..]}",
        _ => digits,
    };

    private static bool IsUnit(string word) => word is "percent" or "dollars" or "dollar" || MeasureUnits.Contains(word);

    private string At(int i) => i >= 0 && i < words.Length ? words[i] : "";
}
