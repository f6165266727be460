using WebApp.Api.V2;

namespace WebApp.Transcription.Formatting;

/// <summary>
/// Turns the recognizer's bare words ("smoke from hundreds of wildfires") into AssemblyAI-style formatted words
/// ("Smoke", "from", "hundreds", …, "inside."). Pure: same words and options, same result.
/// </summary>
/// <remarks>
/// Order matters: pauses are read before fillers are removed (a filler's silence is hesitation, not a sentence end);
/// numbers are written before casing and custom spelling so that both see the final words; profanity is masked
/// after casing so the kept first letter keeps its case.
/// </remarks>
public static class TranscriptFormatter
{
    public static IReadOnlyList<TranscriptWord> Format(IReadOnlyList<TranscriptWord> words, FormattingOptions options)
    {
        var tokens = PausePunctuation.MarkPauses(ToTokens(words));
        if (!options.Disfluencies)
        {
            tokens = FillerWords.Remove(tokens);
        }

        if (options.Punctuate)
        {
            tokens = QuestionDetector.MarkQuestions(tokens);
        }

        if (options.FormatText)
        {
            tokens = SentenceCasing.Apply(InverseTextNormalizer.Apply(tokens), everySentence: options.Punctuate);
        }

        if (options.FilterProfanity)
        {
            tokens = ProfanityFilter.Apply(tokens);
        }

        tokens = CustomSpellings.Apply(tokens, options.CustomSpelling);
        return [.. tokens.Select(token => token.ToWord(withPunctuation: options.Punctuate))];
    }

    /// <summary>The transcript's text: its words joined by single spaces, as AssemblyAI builds it.</summary>
    public static string JoinText(IEnumerable<TranscriptWord> words) => string.Join(' ', words.Select(word => word.Text));

    internal static List<Token> ToTokens(IReadOnlyList<TranscriptWord> words) =>
        [.. words.Select(Token.FromWord).Where(token => token.Text.Length > 0)];
}
