using WebApp.Transcription.Formatting;
using WebApp.Transcription.Model;

namespace WebApp.Transcription.Redaction;

/// <summary>
/// The transcript as the detectors read it: words in lower case without surrounding punctuation, with spoken numbers
/// written as digits even if the transcript itself was not formatted (format_text=false), so "four one five…" is
/// found as a phone number either way. Each view word knows which transcript words it stands for.
/// </summary>
internal sealed class RedactionView
{
    private readonly IReadOnlyList<Token> tokens;
    private readonly string[] words;

    private RedactionView(IReadOnlyList<Token> tokens)
    {
        this.tokens = tokens;
        words = [.. tokens.Select(token => Normalise(token.Lower))];
    }

    public int Count => words.Length;

    public static RedactionView Of(IReadOnlyList<Word> words) =>
        new(InverseTextNormalizer.Apply(TranscriptFormatter.ToTokens(words)));

    /// <summary>The word at <paramref name="index"/>, or "" outside the transcript, so rules can look around freely.</summary>
    public string this[int index] => index >= 0 && index < words.Length ? words[index] : "";

    /// <summary>The word without a possessive ending: "john's" → "john".</summary>
    public string Bare(int index)
    {
        var word = this[index];
        return word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word.TrimEnd('\'');
    }

    /// <summary>A sentence ends, or a comma falls, after this word: names and addresses stop there.</summary>
    public bool PauseAfter(int index) => index >= 0 && index < tokens.Count && tokens[index].Break != Break.None;

    public bool SentenceEndsAfter(int index) => index >= 0 && index < tokens.Count && tokens[index].EndsSentence;

    /// <summary>The recognizer spells letters "b." as well as "b"; both read as "b".</summary>
    private static string Normalise(string word) => word.Length == 2 && word[1] == '.' && char.IsLetter(word[0]) ? word[..1] : word;

    /// <summary>The transcript words (first, last) that view words <paramref name="first"/>..<paramref name="last"/> stand for.</summary>
    public (int First, int Last) SourceWords(int first, int last) => (tokens[first].First, tokens[last].Last);
}
