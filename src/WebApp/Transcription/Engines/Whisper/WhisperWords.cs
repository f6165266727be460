namespace WebApp.Transcription.Engines.Whisper;

/// <summary>One token as whisper.cpp returns it with token timestamps: times in 10 ms units from the window's start.</summary>
public readonly record struct WhisperTokenTiming(string Text, long Start, long End, double Probability);

/// <summary>
/// Whisper's tokens to words: a token that starts with a space begins a word, the others (word pieces, punctuation)
/// continue it. Whisper punctuates and capitalises; its text is kept as it is.
/// </summary>
public static class WhisperWords
{
    /// <summary>
    /// The words of one window, in order, with times in milliseconds from the start of the file: starts never go back,
    /// every end is after its start, and nothing lies past the window's end (whisper pads every window to 30 s and
    /// its timings can stray into the padding).
    /// </summary>
    /// <param name="tokens">The window's tokens, segment after segment.</param>
    /// <param name="offsetMs">Where the window starts in the file.</param>
    /// <param name="lengthMs">How long the window is.</param>
    public static List<RecognizedWord> FromTokens(IEnumerable<WhisperTokenTiming> tokens, int offsetMs, int lengthMs, int? channel)
    {
        var words = new List<RecognizedWord>();
        var pieces = new List<WhisperTokenTiming>();
        var lastStart = 0;
        foreach (var token in tokens.Where(token => !IsSpecial(token.Text)))
        {
            // Punctuation after a space (" -", " ...") belongs to the word before it rather than being a word.
            if (token.Text.StartsWith(' ') && pieces.Count > 0 && token.Text.Any(char.IsLetterOrDigit))
            {
                Flush();
            }

            pieces.Add(token);
        }

        Flush();
        return words;

        void Flush()
        {
            var text = string.Concat(pieces.Select(piece => piece.Text)).Trim();
            if (text.Length > 0)
            {
                // Times in the window, clamped into it, then never before the previous word's start.
                var start = Math.Clamp((int)Math.Min(pieces[0].Start * 10, int.MaxValue), 0, Math.Max(0, lengthMs - 1));
                start = Math.Max(start, lastStart);
                var end = Math.Clamp((int)Math.Min(pieces[^1].End * 10, int.MaxValue), start + 1, Math.Max(start + 1, lengthMs));
                lastStart = start;
                var confidence = Math.Clamp(pieces.Average(piece => piece.Probability), 0, 1);
                words.Add(new RecognizedWord(text, offsetMs + start, offsetMs + end, double.IsNaN(confidence) ? 0 : confidence, channel));
            }

            pieces.Clear();
        }
    }

    /// <summary>whisper.cpp's control tokens ([_BEG_], [_TT_150], [_SOT_]…) and the vocabulary's own (&lt;|endoftext|&gt;).</summary>
    public static bool IsSpecial(string text) =>
        text.Length == 0
        || (text.StartsWith("[_", StringComparison.Ordinal) && text.EndsWith(']'))
        || (text.StartsWith("<|", StringComparison.Ordinal) && text.EndsWith("|>", StringComparison.Ordinal));
}
