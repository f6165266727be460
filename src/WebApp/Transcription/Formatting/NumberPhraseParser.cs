using static WebApp.Transcription.Formatting.NumberWords;

namespace WebApp.Transcription.Formatting;

/// <summary>
/// Reads the longest well-formed number at a position: "two hundred and five", "three thousand", "twenty first",
/// "three point five", "two point five million". Ill-formed runs stop early ("five five" is two numbers), so that
/// digit-by-digit readings are left to <see cref="SpokenDigits"/>.
/// </summary>
internal static class NumberPhraseParser
{
    private enum Last
    {
        None,
        Unit,
        Teen,
        Tens,
        Hundred,
        Scale,
    }

    public static NumberPhrase? Parse(IReadOnlyList<string> words, int start)
    {
        long total = 0, current = 0, smallestScale = long.MaxValue;
        var last = Last.None;
        var end = start;
        var ordinal = false;
        var hundreds = false;
        var scaleWords = 0;
        for (var i = start; i < words.Count && !ordinal; i++)
        {
            var word = words[i];
            if (word == "and")
            {
                if (last is Last.Hundred or Last.Scale && i + 1 < words.Count && StartsGroup(words[i + 1]))
                {
                    continue;
                }

                break;
            }

            if (IsUnit(word, out var unit))
            {
                if (unit == 0)
                {
                    // "zero" is a number on its own, never part of a larger one.
                    end = i == start ? i + 1 : end;
                    break;
                }

                if (last is not (Last.None or Last.Tens or Last.Hundred or Last.Scale) || (last == Last.Tens && current % 10 != 0))
                {
                    break;
                }

                current += unit;
                last = Last.Unit;
            }
            else if (IsTeen(word, out var value) || IsTens(word, out value))
            {
                if (last is not (Last.None or Last.Hundred or Last.Scale))
                {
                    break;
                }

                current += value;
                last = IsTeen(word, out _) ? Last.Teen : Last.Tens;
            }
            else if (word == "hundred")
            {
                if (last is not (Last.Unit or Last.Teen) || current >= 100)
                {
                    break;
                }

                hundreds |= current >= 10 && total == 0;
                current *= 100;
                last = Last.Hundred;
            }
            else if (IsScale(word, out var scale))
            {
                if (last is Last.None or Last.Scale || current == 0 || scale >= smallestScale)
                {
                    break;
                }

                total += current * scale;
                current = 0;
                smallestScale = scale;
                scaleWords++;
                last = Last.Scale;
            }
            else if (IsOrdinalUnit(word, out var ordinalUnit))
            {
                if (last is not (Last.None or Last.Tens or Last.Hundred or Last.Scale))
                {
                    break;
                }

                current += ordinalUnit;
                ordinal = true;
            }
            else if (IsOrdinalTeenOrTens(word, out var ordinalTens))
            {
                if (last is not (Last.None or Last.Hundred or Last.Scale))
                {
                    break;
                }

                current += ordinalTens;
                ordinal = true;
            }
            else if (IsOrdinalScale(word, out var ordinalScale))
            {
                if (last is Last.None or Last.Scale or Last.Hundred || current == 0 || (ordinalScale == 100 && current >= 100))
                {
                    break;
                }

                (total, current) = ordinalScale == 100 ? (total, current * 100) : (total + (current * ordinalScale), 0);
                ordinal = true;
            }
            else
            {
                break;
            }

            end = i + 1;
        }

        if (end == start)
        {
            return null;
        }

        var phrase = new NumberPhrase(total + current, null, end - start, ordinal, null, hundreds, false);
        phrase = phrase with { SpokenAsThousands = scaleWords == 1 && smallestScale == 1_000 && current < 100 && !hundreds };
        return ordinal ? phrase : WithFractionAndScale(words, start, phrase, scaleWords, current);
    }

    /// <summary>"three point five", and "five million" / "two point five billion" kept as a count of millions.</summary>
    private static NumberPhrase WithFractionAndScale(IReadOnlyList<string> words, int start, NumberPhrase phrase, int scaleWords, long remainder)
    {
        var end = start + phrase.Count;
        if (end + 1 < words.Count && words[end] == "point" && IsDigit(words[end + 1], allowOh: true, out _))
        {
            var digits = new System.Text.StringBuilder();
            var i = end + 1;
            for (; i < words.Count && IsDigit(words[i], allowOh: true, out var digit); i++)
            {
                digits.Append(digit);
            }

            phrase = phrase with { Fraction = digits.ToString(), Count = i - start };
            end = i;
            if (scaleWords > 0)
            {
                return phrase;
            }
        }

        var roundLarge = scaleWords == 1 && remainder == 0 && phrase.Fraction is null && phrase.Value >= 1_000_000;
        if (roundLarge)
        {
            // "five million" was read as 5,000,000; write it back as 5 and the scale word.
            var scaleWord = words[end - 1];
            IsScale(scaleWord, out var scale);
            return phrase with { Value = phrase.Value / scale, Count = phrase.Count - 1, RoundScale = scaleWord };
        }

        if (phrase.Fraction is not null && scaleWords == 0 && end < words.Count && IsScale(words[end], out var after) && after >= 1_000_000)
        {
            return phrase with { RoundScale = words[end] };
        }

        return phrase;
    }

    private static bool StartsGroup(string word) =>
        (IsUnit(word, out var unit) && unit > 0) || IsTeen(word, out _) || IsTens(word, out _)
        || IsOrdinalUnit(word, out _) || IsOrdinalTeenOrTens(word, out _);
}
