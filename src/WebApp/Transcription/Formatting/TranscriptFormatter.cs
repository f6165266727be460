using WebApp.Transcription.Model;

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
    /// <param name="written">
    /// The engine already punctuates, cases and writes numbers (whisper): its marks and casing are kept, and only what
    /// the options turn off is undone; the English rules for pauses, casing and numbers are not applied again.
    /// </param>
    public static IReadOnlyList<Word> Format(IReadOnlyList<Word> words, FormattingOptions options, bool written = false)
    {
        var tokens = written ? ToTokens(words) : PausePunctuation.MarkPauses(ToTokens(words));
        if (!options.Disfluencies)
        {
            tokens = FillerWords.Remove(tokens);
        }

        if (options.Punctuate && !written)
        {
            tokens = QuestionDetector.MarkQuestions(tokens);
        }

        if (options.FormatText && !written)
        {
            tokens = SentenceCasing.Apply(InverseTextNormalizer.Apply(tokens), everySentence: options.Punctuate);
        }
        else if (!options.FormatText && written)
        {
            tokens = [.. tokens.Select(token => token with { Text = token.Lower })];
        }

        if (options.FilterProfanity)
        {
            tokens = ProfanityFilter.Apply(tokens);
        }

        tokens = CustomSpellings.Apply(tokens, options.CustomSpelling);
        return [.. tokens.Select(token => token.ToWord(withPunctuation: options.Punctuate))];
    }

    /// <summary>The transcript's text: its words joined by single spaces, as AssemblyAI builds it.</summary>
    public static string JoinText(IEnumerable<Word> words) => string.Join(' ', words.Select(word => word.Text));

    internal static List<Token> ToTokens(IReadOnlyList<Word> words) =>
        [.. words.Select(Token.FromWord).Where(token => token.Text.Length > 0)];
}
