using System.Text.RegularExpressions;
using WebApp.Transcription.Formatting;

namespace WebApp.Transcription.Redaction;

/// <summary>
/// Amounts the formatter writes as numbers: money ("$25.50", "15 pesos"), clock times ("3:30 PM"), durations
/// ("8 months") and ages ("45 years old", "aged 45"). A number said as a word ("five years") counts as well.
/// </summary>
internal static partial class QuantityPii
{
    private static readonly HashSet<string> Currencies = new(
        ["dollars", "dollar", "cents", "cent", "bucks", "euros", "euro", "pesos", "peso", "yen", "rupees", "pounds sterling"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> LargeScales = new(["thousand", "million", "billion", "trillion"], StringComparer.Ordinal);

    private static readonly HashSet<string> TimeUnits = new(
    [
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
        "year", "years", "decade", "decades",
    ], StringComparer.Ordinal);

    private static readonly HashSet<string> TimeZones = new(["est", "pst", "cst", "mst", "edt", "pdt", "gmt", "utc"], StringComparer.Ordinal);

    public static IEnumerable<PiiMatch> Find(RedactionView view)
    {
        for (var i = 0; i < view.Count; i++)
        {
            if (Money(view, i) is { } money)
            {
                yield return new(PiiPolicy.MoneyAmount, i, money, PiiPriority.Quantity);
                i = money;
            }
            else if (Clock(view, i) is { } clock)
            {
                yield return new(PiiPolicy.Time, i, clock, PiiPriority.Quantity);
                i = clock;
            }
            else if (Age(view, i) is { } age)
            {
                yield return new(PiiPolicy.PersonAge, age, age, PiiPriority.Quantity + 1);
            }
            else if (IsAmount(view[i]) && TimeUnits.Contains(view[i + 1]) && view[i + 2] != "old" && !(view[i] == "one" && view[i + 1] == "day"))
            {
                yield return new(PiiPolicy.Duration, i, i + 1, PiiPriority.Quantity - 1);
                i++;
            }
        }
    }

    /// <summary>Where the money amount starting at <paramref name="i"/> ends ("$5 million" takes two words).</summary>
    private static int? Money(RedactionView view, int i)
    {
        if (DollarAmount().IsMatch(view[i]))
        {
            return LargeScales.Contains(view[i + 1]) ? i + 1 : i;
        }

        return IsAmount(view[i]) && Currencies.Contains(view[i + 1]) ? i + 1 : null;
    }

    private static int? Clock(RedactionView view, int i)
    {
        var clock = ClockTime().IsMatch(view[i]);
        var hour = HourOnly().IsMatch(view[i]);
        if (!clock && !hour)
        {
            return null;
        }

        var end = i;
        if (view[end + 1] is "am" or "pm")
        {
            end++;
        }
        else if (hour)
        {
            return null;
        }

        return TimeZones.Contains(view[end + 1]) ? end + 1 : end;
    }

    /// <summary>The age in "45 years old", "a 45 year old", "aged 45", "age 45".</summary>
    private static int? Age(RedactionView view, int i)
    {
        if (IsAmount(view[i]) && view[i + 1] is "years" or "year" or "year-old" or "years-old" && (view[i + 2] == "old" || view[i + 1].EndsWith("-old", StringComparison.Ordinal)))
        {
            return i;
        }

        return view[i] is "age" or "aged" && IsAmount(view[i + 1]) ? i + 1 : null;
    }

    /// <summary>A number in digits, or a small one the formatter leaves as a word ("five years").</summary>
    private static bool IsAmount(string word) =>
        Number().IsMatch(word) || (NumberWords.IsUnit(word, out var unit) && unit > 0) || NumberWords.IsTeen(word, out _) || NumberWords.IsTens(word, out _);

    [GeneratedRegex(@"^\$\d[\d,]*(\.\d+)?$")]
    private static partial Regex DollarAmount();

    [GeneratedRegex(@"^\d[\d,]*(\.\d+)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?$")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"^(1[0-2]|[1-9])$")]
    private static partial Regex HourOnly();
}
