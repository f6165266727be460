namespace WebApp.Transcription.Formatting;

/// <summary>
/// Where sentences and clauses end, judged from the silence between words: the recognizer gives no punctuation, but
/// people pause at the end of a sentence longer than inside one.
/// </summary>
internal static class PausePunctuation
{
    /// <summary>A pause this long, a change of speaker, or the end of the transcript ends a sentence.</summary>
    public const int SentencePauseMs = 600;

    /// <summary>A shorter pause of at least this long marks a clause with a comma.</summary>
    public const int CommaPauseMs = 300;

    /// <summary>After these words a pause is hesitation ("the … car"), not the end of anything, unless it is very long.</summary>
    public const int HesitationPauseMs = 1500;

    private static readonly HashSet<string> NeverEndAClause = new(
        ["a", "an", "the", "my", "your", "our", "their", "its", "of", "to", "and", "or", "but", "with", "from", "than", "for", "if", "because"],
        StringComparer.Ordinal);

    /// <summary>Adds the break after each token that its following pause calls for; a break already there is kept.</summary>
    public static List<Token> MarkPauses(IReadOnlyList<Token> tokens)
    {
        var result = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var pause = i + 1 < tokens.Count ? PauseAfter(token, tokens[i + 1]) : Break.Period;
            result.Add(pause > token.Break ? token with { Break = pause } : token);
        }

        return result;
    }

    private static Break PauseAfter(Token token, Token next)
    {
        if (!token.SameVoiceAs(next))
        {
            return Break.Period;
        }

        var gap = next.Start - token.End;
        var hesitant = NeverEndAClause.Contains(token.Lower);
        return gap switch
        {
            >= HesitationPauseMs => Break.Period,
            >= SentencePauseMs when !hesitant => Break.Period,
            >= CommaPauseMs when !hesitant => Break.Comma,
            _ => Break.None,
        };
    }
}
