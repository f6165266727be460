namespace WebApp.Transcription.Formatting;

/// <summary>
/// AssemblyAI's custom_spelling, applied to the finished words: a "from" phrase matches whole words ignoring case and
/// the punctuation after them, and its words become one word written exactly as "to" (the punctuation stays).
/// The longest phrase wins where several match.
/// </summary>
internal static class CustomSpellings
{
    public static List<Token> Apply(IReadOnlyList<Token> tokens, IReadOnlyList<CustomSpelling> spellings)
    {
        var phrases = spellings
            .SelectMany(spelling => spelling.From.Select(from => (Words: Split(from), spelling.To)))
            .Where(phrase => phrase.Words.Length > 0)
            .OrderByDescending(phrase => phrase.Words.Length)
            .ToList();
        if (phrases.Count == 0)
        {
            return [.. tokens];
        }

        var result = new List<Token>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            var match = phrases.FirstOrDefault(phrase => Matches(tokens, i, phrase.Words));
            if (match.Words is null)
            {
                result.Add(tokens[i]);
                i++;
                continue;
            }

            result.Add(Token.Merge(tokens, i, i + match.Words.Length - 1, match.To));
            i += match.Words.Length;
        }

        return result;
    }

    private static bool Matches(IReadOnlyList<Token> tokens, int start, string[] words)
    {
        if (start + words.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            // A phrase does not run on past the end of a sentence.
            if (!string.Equals(tokens[start + k].Text, words[k], StringComparison.OrdinalIgnoreCase) || (k < words.Length - 1 && tokens[start + k].EndsSentence))
            {
                return false;
            }
        }

        return true;
    }

    private static string[] Split(string phrase) => phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
