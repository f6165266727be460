using WebApp.Tests;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;

namespace Verbatim.Bench;

/// <summary>Word error rate over the whole recording and per kind of speech in it.</summary>
internal static class RecordingScore
{
    public static string Describe(TranscribedRecording recording, IReadOnlyList<RecognizedWord> words)
    {
        var overall = WordErrorRate.Measure(recording.Transcript, string.Join(' ', words.Select(word => word.Text)));
        var bySource = recording.Parts
            .Select((part, index) => (part.Source, part.Transcript, Recognised: WordsOf(recording.Parts, index, words)))
            .GroupBy(part => part.Source)
            .Select(group => $"{group.Key} {WordErrorRate.Measure(string.Join(' ', group.Select(part => part.Transcript)), string.Join(' ', group.Select(part => part.Recognised))).Rate:P1}");
        return $"{overall} ({string.Join(", ", bySource)})";
    }

    /// <summary>The words whose middle falls in the part, or in the pause after it.</summary>
    private static string WordsOf(IReadOnlyList<RecordingPart> parts, int index, IReadOnlyList<RecognizedWord> words)
    {
        var from = index == 0 ? double.MinValue : parts[index].StartSeconds;
        var to = index == parts.Count - 1 ? double.MaxValue : parts[index + 1].StartSeconds;
        return string.Join(' ', words.Where(word => (word.StartMs + word.EndMs) / 2000.0 is var middle && middle >= from && middle < to).Select(word => word.Text));
    }
}
