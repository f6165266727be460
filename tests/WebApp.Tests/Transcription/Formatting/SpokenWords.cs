using WebApp.Transcription.Formatting;
using WebApp.Transcription.Model;

namespace WebApp.Tests.Transcription.Formatting;

/// <summary>
/// Builds recognizer-style words from a script: "so | what now" puts a sentence-length pause at "|", "," a
/// comma-length pause, and "A:" / "B:" switch speaker. Every word lasts 300 ms with 100 ms between words.
/// </summary>
internal static class SpokenWords
{
    public const int WordMs = 300;
    public const int GapMs = 100;
    public const int CommaPauseMs = 400;
    public const int SentencePauseMs = 900;

    public static List<Word> From(string script)
    {
        var words = new List<Word>();
        var time = 0;
        var gap = 0;
        string? speaker = null;
        foreach (var part in script.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part)
            {
                case "|":
                    gap = SentencePauseMs;
                    continue;
                case ",":
                    gap = CommaPauseMs;
                    continue;
                case ['A' or 'B' or 'C', ':']:
                    speaker = part[..1];
                    continue;
            }

            time += words.Count == 0 ? 0 : gap;
            words.Add(new Word(part, time, time + WordMs, 0.9, speaker));
            time += WordMs;
            gap = GapMs;
        }

        return words;
    }

    public static string Format(string script, FormattingOptions? options = null) =>
        TranscriptFormatter.JoinText(TranscriptFormatter.Format(From(script), options ?? FormattingOptions.AssemblyAiDefaults));

    /// <summary>Only inverse text normalisation and casing: no punctuation, so expectations stay readable.</summary>
    public static string Written(string script) =>
        Format(script, FormattingOptions.AssemblyAiDefaults with { Punctuate = false });
}
