using System.Globalization;
using System.Text.RegularExpressions;
using WebApp.Transcription.Formatting;

namespace WebApp.Transcription.Redaction;

/// <summary>
/// Calendar dates ("March 5th, 1990", "the 5th of March", "3/5/1990"); a date after "born" or "birthday" is a
/// date_of_birth. Months with a year, bare years and decades are date_interval, as AssemblyAI classes them.
/// </summary>
internal static partial class DatePii
{
    private static readonly WordPhrases BirthCues = new(["born", "birthday", "birth", "date of birth", "birth date", "dob", "d o b"]);

    private static readonly WordPhrases IntervalCues = new(
        ["in", "since", "until", "till", "during", "from", "by", "before", "after", "between", "of", "early", "late", "mid", "last", "next", "this", "every"]);

    private static readonly HashSet<string> Decades = new(
        ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"], StringComparer.Ordinal);

    public static IEnumerable<PiiMatch> Find(RedactionView view)
    {
        var i = 0;
        while (i < view.Count)
        {
            if (ReadDate(view, i) is { } date)
            {
                var born = BirthCues.EndsBefore(view, date.First, 6);
                yield return new(born ? PiiPolicy.DateOfBirth : PiiPolicy.Date, date.First, date.Last, born ? PiiPriority.CuedDate : PiiPriority.Date);
                i = date.Last + 1;
            }
            else if (ReadInterval(view, i) is { } interval)
            {
                var born = view[i - 1] == "in" && BirthCues.EndsBefore(view, i - 1, 2);
                yield return new(born ? PiiPolicy.DateOfBirth : PiiPolicy.DateInterval, interval.First, interval.Last, born ? PiiPriority.CuedDate : PiiPriority.Date - 5);
                i = interval.Last + 1;
            }
            else
            {
                i++;
            }
        }
    }

    private static (int First, int Last)? ReadDate(RedactionView view, int i)
    {
        if (NumericDate().IsMatch(view[i]))
        {
            return (i, i);
        }

        if (CalendarWords.IsMonth(view[i]) && IsDay(view[i + 1]))
        {
            return (i, IsYear(view[i + 2]) ? i + 2 : i + 1);
        }

        if (IsDay(view[i]) && view[i + 1] == "of" && CalendarWords.IsMonth(view[i + 2]))
        {
            return (i, IsYear(view[i + 3]) ? i + 3 : i + 2);
        }

        return null;
    }

    private static (int First, int Last)? ReadInterval(RedactionView view, int i)
    {
        var word = view[i];
        var afterCue = IntervalCues.EndsBefore(view, i, 1);
        if (CalendarWords.IsMonth(word))
        {
            if (IsYear(view[i + 1]))
            {
                return (i, i + 1);
            }

            // "this may be" and "we march" are not months; "in may" and "in march" are.
            var monthAlone = afterCue && (!CalendarWords.AmbiguousMonths.Contains(word) || view[i - 1] == "in");
            return monthAlone ? (i, i) : null;
        }

        if (IsYear(word) && (afterCue || word.StartsWith("19", StringComparison.Ordinal) || word.StartsWith("20", StringComparison.Ordinal)))
        {
            return view[i + 1] is "to" or "through" or "and" && IsYear(view[i + 2]) ? (i, i + 2) : (i, i);
        }

        if (DecadeDigits().IsMatch(word) || (Decades.Contains(word) && view[i - 1] == "the"))
        {
            return (i, i);
        }

        return null;
    }

    private static bool IsDay(string word) =>
        DayNumber().Match(word) is { Success: true } match && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is >= 1 and <= 31;

    private static bool IsYear(string word) =>
        word.Length == 4 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1000 and <= 2099;

    [GeneratedRegex(@"^(\d{1,2})(st|nd|rd|th)?$")]
    private static partial Regex DayNumber();

    [GeneratedRegex(@"^(\d{1,2}[/-]\d{1,2}[/-](\d{2}|\d{4})|\d{4}-\d{2}-\d{2})$")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^(1[0-9]|20)\d0'?s$")]
    private static partial Regex DecadeDigits();
}
