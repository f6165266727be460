using WebApp.Transcription.Model;

namespace WebApp.Transcription.Exports;

/// <summary>
/// Cuts a transcript's words into sentences, paragraphs and speaker turns. Sentences end at sentence punctuation
/// when the transcript has it, and otherwise at long pauses; a change of speaker always ends all three.
/// </summary>
public static class TranscriptSegmenter
{
    /// <summary>A pause this long ends a sentence when the words carry no punctuation.</summary>
    public const int SentencePauseMs = 700;

    /// <summary>A pause this long between sentences starts a new paragraph.</summary>
    public const int ParagraphPauseMs = 1500;

    /// <summary>Paragraphs longer than this many words are closed at the next sentence end.</summary>
    public const int ParagraphMaxWords = 120;

    public static IReadOnlyList<TextBlock> Sentences(IReadOnlyList<Word> words)
    {
        var punctuated = words.Any(w => EndsSentence(w.Text));
        return Split(words, (previous, next) =>
            previous.Speaker != next.Speaker
            || previous.Channel != next.Channel
            || (punctuated ? EndsSentence(previous.Text) : next.Start - previous.End >= SentencePauseMs));
    }

    public static IReadOnlyList<TextBlock> Paragraphs(IReadOnlyList<Word> words)
    {
        var paragraphs = new List<TextBlock>();
        var current = new List<Word>();
        foreach (var sentence in Sentences(words))
        {
            if (current.Count > 0 && (sentence.Start - current[^1].End >= ParagraphPauseMs
                || sentence.Speaker != current[^1].Speaker
                || sentence.Channel != current[^1].Channel
                || current.Count >= ParagraphMaxWords))
            {
                paragraphs.Add(new TextBlock(current));
                current = [];
            }

            current.AddRange(sentence.Words);
        }

        if (current.Count > 0)
        {
            paragraphs.Add(new TextBlock(current));
        }

        return paragraphs;
    }

    /// <summary>Speaker turns: consecutive words of the same speaker (and channel).</summary>
    public static IReadOnlyList<TextBlock> Utterances(IReadOnlyList<Word> words) =>
        Split(words, (previous, next) => previous.Speaker != next.Speaker || previous.Channel != next.Channel);

    public static IReadOnlyList<TextBlock> Split(IReadOnlyList<Word> words, Func<Word, Word, bool> boundaryBetween)
    {
        var blocks = new List<TextBlock>();
        var start = 0;
        for (var i = 1; i <= words.Count; i++)
        {
            if (i == words.Count || boundaryBetween(words[i - 1], words[i]))
            {
                blocks.Add(new TextBlock(words.Skip(start).Take(i - start).ToList()));
                start = i;
            }
        }

        return words.Count == 0 ? [] : blocks;
    }

    private static bool EndsSentence(string text) => text.Length > 0 && text[^1] is '.' or '?' or '!';
}
