namespace WebApp.Transcription.Formatting;

/// <summary>
/// Capitals the recognizer cannot give: the first word of each sentence, "I" and its contractions, weekdays,
/// months, and the titles "Mr.", "Mrs." and "Ms." with the name after them. Other proper nouns stay as recognised
/// (lower case); guessing them from lists would capitalise "Rose" the flower and "Bill" the invoice.
/// </summary>
internal static class SentenceCasing
{
    private static readonly HashSet<string> FirstPerson = new(["i", "i'm", "i'll", "i've", "i'd"], StringComparer.Ordinal);

    /// <summary>
    /// Titles before a name, written as abbreviations. "Dr" is left alone: the recognizer's dictionary uses "dr" for
    /// "drive" as well as "doctor".
    /// </summary>
    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["mr"] = "Mr.", ["mr."] = "Mr.", ["mister"] = "Mr.", ["mrs"] = "Mrs.", ["mrs."] = "Mrs.", ["missus"] = "Mrs.",
        ["ms"] = "Ms.", ["ms."] = "Ms.",
    };

    /// <param name="everySentence">
    /// True when punctuation shows where sentences end; otherwise only the first word is capitalised, since capitals
    /// in the middle of unpunctuated text would look like mistakes.
    /// </param>
    public static List<Token> Apply(IReadOnlyList<Token> tokens, bool everySentence)
    {
        var result = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var lower = token.Lower;
            if (Titles.TryGetValue(lower, out var title) && token.Break == Break.None && i + 1 < tokens.Count)
            {
                result.Add(token with { Text = title });
                continue;
            }

            var startsSentence = i == 0 || (everySentence && tokens[i - 1].EndsSentence);
            var afterTitle = i > 0 && Titles.ContainsKey(tokens[i - 1].Lower) && tokens[i - 1].Break == Break.None;
            var properNoun = FirstPerson.Contains(lower) || CalendarWords.Weekdays.Contains(lower)
                || (CalendarWords.IsMonth(lower) && !CalendarWords.AmbiguousMonths.Contains(lower));
            result.Add((startsSentence && !IsAddress(token.Text)) || properNoun || afterTitle ? token with { Text = Capitalise(token.Text) } : token);
        }

        return result;
    }

    public static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    /// <summary>"google.com" and "jo@example.org" keep their lower case even at the start of a sentence.</summary>
    private static bool IsAddress(string text) => text.Contains('@') || (text.Contains('.') && char.IsLetter(text[^1]));
}
