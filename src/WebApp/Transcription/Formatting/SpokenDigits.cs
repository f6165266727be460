using System.Text;
using static WebApp.Transcription.Formatting.NumberWords;

namespace WebApp.Transcription.Formatting;

/// <summary>
/// Numbers said in pieces rather than as one quantity: digit by digit ("four one five…"), years in pairs
/// ("nineteen ninety nine") and clock times ("three thirty").
/// </summary>
internal static class SpokenDigits
{
    /// <summary>
    /// Three or more digits said one by one, possibly mixed with pairs ("five five five twelve thirty four") and
    /// hundreds ("one eight hundred…"). Fewer than three single digits is ordinary prose ("one or two").
    /// </summary>
    public static (string Digits, int Count)? ReadDigitRun(IReadOnlyList<string> words, int start)
    {
        if (start >= words.Count || !(IsDigit(words[start], allowOh: false, out _) || words[start] is "double" or "triple"))
        {
            return null;
        }

        var digits = new StringBuilder();
        var singles = 0;
        var i = start;
        while (i < words.Count)
        {
            var word = words[i];
            if (IsDigit(word, allowOh: false, out var hundreds) && hundreds > 0 && i + 1 < words.Count && words[i + 1] == "hundred")
            {
                // "one eight hundred five five five…": a toll-free prefix said as a number.
                digits.Append(hundreds).Append("00");
                singles++;
                i += 2;
            }
            else if (IsDigit(word, allowOh: true, out var digit))
            {
                digits.Append(digit);
                singles++;
                i++;
            }
            else if (word is "double" or "triple" && i + 1 < words.Count && IsDigit(words[i + 1], allowOh: true, out var repeated))
            {
                var times = word == "double" ? 2 : 3;
                digits.Append(repeated.ToString()[0], times);
                singles += times;
                i += 2;
            }
            else if (ReadPair(words, i) is { } pair)
            {
                digits.Append(pair.Value.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
                i += pair.Count;
            }
            else
            {
                break;
            }
        }

        return singles >= 3 ? (digits.ToString(), i - start) : null;
    }

    /// <summary>A year said in pairs: "nineteen ninety nine", "twenty oh five", "twenty twenty".</summary>
    /// <param name="afterYearCue">The word before makes a year likely ("in", "since"), so "fifteen twenty" counts too.</param>
    public static (int Year, int Count)? ReadYear(IReadOnlyList<string> words, int start, bool afterYearCue)
    {
        if (start + 1 >= words.Count)
        {
            return null;
        }

        int century;
        if (IsTeen(words[start], out var teen) && teen >= 11)
        {
            century = teen;
        }
        else if (words[start] == "twenty")
        {
            century = 20;
        }
        else
        {
            return null;
        }

        if (century < 19 && !afterYearCue)
        {
            return null;
        }

        if (words[start + 1] == "oh" && start + 2 < words.Count && IsUnit(words[start + 2], out var single) && single > 0)
        {
            return ((century * 100) + single, 3);
        }

        return ReadPair(words, start + 1) is { Value: >= 10 } pair ? ((century * 100) + pair.Value, 1 + pair.Count) : null;
    }

    /// <summary>A clock reading without its "a.m.": an hour from 1 to 12 and, if said, minutes ("thirty", "oh five").</summary>
    public static (int Hour, int? Minutes, int Count)? ReadClock(IReadOnlyList<string> words, int start)
    {
        if (start >= words.Count || !IsHour(words[start], out var hour))
        {
            return null;
        }

        var next = start + 1;
        if (next + 1 < words.Count && words[next] == "oh" && IsUnit(words[next + 1], out var single) && single > 0)
        {
            return (hour, single, 3);
        }

        return ReadPair(words, next) is { Value: >= 10 and < 60 } minutes ? (hour, minutes.Value, 1 + minutes.Count) : (hour, null, 1);
    }

    /// <summary>"a.m.", "am", or the letters "a m"; returns how it is written and how many words it took.</summary>
    public static (string Written, int Count)? ReadMeridiem(IReadOnlyList<string> words, int start)
    {
        if (start >= words.Count)
        {
            return null;
        }

        var written = words[start] switch
        {
            "a.m." or "a.m" or "am" => "AM",
            "p.m." or "p.m" or "pm" => "PM",
            _ => null,
        };
        if (written is not null)
        {
            return (written, 1);
        }

        if (start + 1 < words.Count && words[start + 1] is "m" or "m.")
        {
            return words[start] switch
            {
                "a" or "a." => ("AM", 2),
                "p" or "p." => ("PM", 2),
                _ => null,
            };
        }

        return null;
    }

    /// <summary>A two-digit group: "twelve", "thirty", "thirty four".</summary>
    private static (int Value, int Count)? ReadPair(IReadOnlyList<string> words, int start)
    {
        if (start >= words.Count)
        {
            return null;
        }

        if (IsTeen(words[start], out var teen))
        {
            return (teen, 1);
        }

        if (!IsTens(words[start], out var tens))
        {
            return null;
        }

        return start + 1 < words.Count && IsUnit(words[start + 1], out var unit) && unit > 0 ? (tens + unit, 2) : (tens, 1);
    }

    private static bool IsHour(string word, out int hour) =>
        (IsUnit(word, out hour) && hour > 0) || (IsTeen(word, out hour) && hour <= 12);
}
