namespace WebApp.Transcription.Formatting;

/// <summary>
/// Capitals the recognizer cannot give: the first word of each sentence, "I" and its contractions, weekdays and
/// months. Other proper nouns stay as recognised (lower case); guessing them from lists would capitalise "Rose" the
/// flower and "Bill" the invoice.
/// </summary>
internal static class SentenceCasing
{
    private static readonly HashSet<string> FirstPerson = new(["i", "i'm", "i'll", "i've", "i'd"], StringComparer.Ordinal);

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
            var startsSentence = i == 0 || (everySentence && tokens[i - 1].EndsSentence);
            var properNoun = FirstPerson.Contains(lower) || CalendarWords.Weekdays.Contains(lower)
                || (CalendarWords.IsMonth(lower) && !CalendarWords.AmbiguousMonths.Contains(lower));
            result.Add((startsSentence && !IsAddress(token.Text)) || properNoun ? token with { Text = CalendarWords.Capitalise(token.Text) } : token);
        }

        return result;
    }

    /// <summary>"google.com" and "jo@example.org" keep their lower case even at the start of a sentence.</summary>
    private static bool IsAddress(string text) => text.Contains('@') || (text.Contains('.') && char.IsLetter(text[^1]));
}
