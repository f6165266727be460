using System.Text.RegularExpressions;

namespace WebApp.Transcription.Formatting;

/// <summary>
/// Words whose full stop is part of the word. The recognizer's dictionary spells "a.m.", "mr." and letters like "b."
/// this way; reading their stop as the end of a sentence would break "three a.m. tomorrow" in two.
/// </summary>
internal static partial class Abbreviations
{
    private static readonly HashSet<string> Dotted = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr.", "mrs.", "ms.", "dr.", "jr.", "sr.", "st.", "inc.", "corp.", "ltd.", "co.", "vs.", "etc.",
    };

    public static bool EndsWithOwnStop(string text) => Dotted.Contains(text) || LettersWithStops().IsMatch(text);

    [GeneratedRegex(@"^(\p{L}\.)+$")]
    private static partial Regex LettersWithStops();
}
